// Package web writes the page of `candor form`: one HTML file that runs candor's own engine
// (package web/engine, compiled to WebAssembly by web/enginebuild) in any browser, offline.
// The engine of the last release, gzipped, with the Go toolchain's loader and the digest of
// its sources, is embedded here (Released), because `go install` cannot run a build step;
// between releases the caller passes an engine built from its own sources (docs/release.md).
// The engine comes in two builds (web/enginebuild): without encryption, for most pages, and
// with it, for a page that encrypts the answers for counselors' keys; a page carries one.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web/engine"
	"github.com/candor-app/candor/web/enginebuild"
	"github.com/candor-app/candor/words"
)

var (
	// The released engines: candor.wasm.gz, and candor-sealed.wasm.gz from the first release
	// that built two (enginebuild.Artifacts); a pattern, so that a tree without the second
	// still builds.
	//go:embed candor*.wasm.gz
	releasedGz embed.FS
	//go:embed wasm_exec.js
	releasedExec []byte
	//go:embed candor.wasm.sources
	releasedSources string
	//go:embed page.html
	pageHTML string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string
)

// CSP is the page's Content-Security-Policy for the scripts whose exact texts are given: those
// inline scripts and no other (each allowed by its SHA-256 hash, so no script injected into
// the page could run), WebAssembly, inline style, images from data: URLs, and nothing else; no
// request of any kind leaves the page.
func CSP(scripts ...string) string {
	var allow strings.Builder
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s))
		allow.WriteString("'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "' ")
	}
	return "default-src 'none'; script-src " + allow.String() + "'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
}

// scriptText is the text of an inline script as page.html writes it: a line break, then s.
func scriptText(s string) string { return "\n" + s }

var page = template.Must(template.New("page").Parse(pageHTML))

// Options are the choices of `candor form`: the engine's own (a thank-you instead of the
// summary, a name kept with the answers).
type Options = engine.Options

// pageOptions are what the page passes to the engine (engine.Options) and the bank's name.
type pageOptions struct {
	Options
	BankName string `json:"bankName"`
	// MaxAnswersBytes is the largest answers file the page reads: a larger one is refused
	// before it is read (questionnaire.MaxFileSize).
	MaxAnswersBytes int `json:"maxAnswersBytes"`
}

// Engine is what the page runs: the gzipped WebAssembly engines, the Go toolchain's loader
// that starts them, and the digest of the sources they were built from. Gz is the engine
// without encryption (enginebuild.PlainTag), SealedGz the one with it, for a page with
// counselors' keys (Options.Recipients). An engine released before there were two has only
// Gz, used for every page.
type Engine struct {
	Gz       []byte
	SealedGz []byte
	Exec     []byte
	Sources  string
}

// Built is the engine of a build from source (enginebuild.Build or Cached).
func Built(a *enginebuild.Artifacts) Engine {
	return Engine{Gz: a.WasmGz, SealedGz: a.WasmSealedGz, Exec: a.WasmExe, Sources: a.Sources}
}

// For is the gzipped engine a page with these options carries: with encryption only when the
// page encrypts the answers.
func (e Engine) For(opt Options) []byte {
	if len(opt.Recipients) > 0 && len(e.SealedGz) > 0 {
		return e.SealedGz
	}
	return e.Gz
}

// Released is the engine embedded in this binary: the one committed at the last release.
// It matches this binary's own code only when Sources equals the digest of the sources the
// binary was built from (always so for a release).
func Released() Engine {
	gz, _ := releasedGz.ReadFile("candor.wasm.gz")
	sealed, _ := releasedGz.ReadFile("candor-sealed.wasm.gz") // none before the first release with two
	return Engine{Gz: gz, SealedGz: sealed, Exec: releasedExec, Sources: strings.TrimSpace(releasedSources)}
}

// Write writes the page for bank b, whose file is raw (its exact bytes, embedded so the
// digest of a response matches the bank's), running engine eng.
func Write(w io.Writer, b *questionnaire.Bank, raw []byte, opt Options, eng Engine) error {
	if len(eng.Gz) == 0 || len(eng.Exec) == 0 {
		return errors.New("no page engine")
	}
	// json.Marshal escapes <, > and &, so nothing in it can end the script element.
	opts, err := json.Marshal(pageOptions{Options: opt, BankName: b.ID + ".yaml", MaxAnswersBytes: questionnaire.MaxFileSize})
	if err != nil {
		return err
	}
	// The first screen (the intro), made now by the engine the page runs, so the page shows
	// it at once while the engine starts in the browser.
	session, err := engine.New(b.ID+".yaml", raw, opt, nil)
	if err != nil {
		return err
	}
	first := session.Call("view", nil, nil)
	// The page starts in the language of its first screen (form --lang), and so do its words.
	lang := strings.TrimSpace(session.Bank().Language)
	if lang == "" {
		lang = "en"
	}
	p := words.For(lang)
	pw, err := json.Marshal(pageWords(p.Lang()))
	if err != nil {
		return err
	}
	bank, code := pack(raw), pack(eng.For(opt))
	var buf bytes.Buffer
	err = page.Execute(&buf, map[string]any{
		"Lang":    lang,
		"RTL":     questionnaire.RightToLeft(lang),
		"CSP":     CSP(scriptText(string(eng.Exec)), scriptText(pageJS)),
		"CSS":     template.CSS(pageCSS),
		"Options": template.JS(opts),
		"First":   template.JS(first),
		"Words":   template.JS(pw),
		// The words shown before the script runs, or without it; page.js draws them again
		// in a language chosen on the first screen.
		"words": engine.StaticWords(p),
		// Packed text holds no NUL, no CR and no <: nothing a script element changes or ends
		// on, so it is written as it is (packed.go).
		"Bank":       bank,
		"BankText":   template.HTML(bank.Text),
		"Engine":     code,
		"EngineText": template.HTML(code.Text),
		"WasmExec":   template.JS(eng.Exec),
		"Page":       template.JS(pageJS),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// pageKeyRE finds the keys of page.js's catalogue calls: t('key'.
var pageKeyRE = regexp.MustCompile(`\bt\('((?:[^'\\\n]|\\.)*)'`)

// pageWords are page.js's words in lang, for what the page draws before its engine has
// started (the engine formats them from then on): each key's text, its %s and %d to fill in
// (page.js's t). A message that counts (plural forms) is left to the engine, and English to
// the keys themselves.
func pageWords(lang string) map[string]string {
	out := map[string]string{}
	c := words.Loaded()[lang]
	if lang == words.Default {
		return out
	}
	for _, m := range pageKeyRE.FindAllStringSubmatch(pageJS, -1) {
		key := strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(m[1])
		if e, ok := c[key]; ok && e.Forms == nil {
			out[key] = e.Text
		}
	}
	return out
}
