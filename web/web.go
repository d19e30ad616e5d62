// Package web writes the page of `candor form`: one HTML file that runs candor's own engine
// (package web/engine, compiled to WebAssembly by web/build) in any browser, offline. The
// engine, gzipped, and the Go toolchain's loader are committed and embedded here, because
// `go install` cannot run a build step.
package web

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io"
	"strings"

	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web/engine"
)

var (
	//go:embed candor.wasm.gz
	engineGz []byte
	//go:embed wasm_exec.js
	wasmExec string
	//go:embed page.html
	pageHTML string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string
)

// CSP is the page's Content-Security-Policy: inline script and style, WebAssembly, images
// from data: URLs, and nothing else; no request of any kind leaves the page.
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

var page = template.Must(template.New("page").Parse(pageHTML))

// Options are the choices of `candor form`: the engine's own (a thank-you instead of the
// summary, a name kept with the answers).
type Options = engine.Options

// pageOptions are what the page passes to the engine (engine.Options) and the bank's name.
type pageOptions struct {
	Options
	BankName string `json:"bankName"`
}

// Engine is the gzipped WebAssembly engine the page carries.
func Engine() []byte { return engineGz }

// Write writes the page for bank b, whose file is raw (its exact bytes, embedded so the
// digest of a response matches the bank's).
func Write(w io.Writer, b *questionnaire.Bank, raw []byte, opt Options) error {
	// json.Marshal escapes <, > and &, so nothing in it can end the script element.
	opts, err := json.Marshal(pageOptions{Options: opt, BankName: b.ID + ".yaml"})
	if err != nil {
		return err
	}
	// The first screen (the intro), made now by the engine the page runs, so the page shows
	// it at once while the engine starts in the browser.
	eng, err := engine.New(b.ID+".yaml", raw, opt, nil)
	if err != nil {
		return err
	}
	first := eng.Call("view", nil, nil)
	lang := strings.TrimSpace(b.Language)
	if lang == "" {
		lang = "en"
	}
	var buf bytes.Buffer
	err = page.Execute(&buf, map[string]any{
		"Lang":    lang,
		"CSP":     CSP,
		"CSS":     template.CSS(pageCSS),
		"Options": template.JS(opts),
		"First":   template.JS(first),
		// Base64 holds only A-Z, a-z, 0-9, +, / and =: nothing HTML or a script element reads.
		"Bank":     template.HTML(base64.StdEncoding.EncodeToString(raw)),
		"Engine":   template.HTML(base64.StdEncoding.EncodeToString(engineGz)),
		"WasmExec": template.JS(wasmExec),
		"Page":     template.JS(pageJS),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
