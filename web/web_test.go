package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/questionnaire"
)

// scriptData is the text of the <script> element with the id.
func scriptData(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`<script type="[^"]+" id="` + id + `"[^>]*>([^<]*)</script>`).FindStringSubmatch(page)
	require.NotNil(t, m, "no script %s", id)
	return m[1]
}

// scriptBytes are the bytes the <script> element with the id carries, packed (packed.go).
func scriptBytes(t *testing.T, page, id string) []byte {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/octet-stream" id="` + id + `" data-bytes="(\d+)">([^<]*)</script>`).FindStringSubmatch(page)
	require.NotNil(t, m, "no bytes %s", id)
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return unpack(t, m[2], n)
}

func writePage(t *testing.T, id string, opt Options) (string, []byte, *questionnaire.Bank) {
	t.Helper()
	b, ds := data.LoadBank(id)
	require.NotNil(t, b, "%v", ds)
	raw, ok := data.Source(id)
	require.True(t, ok)
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, b, raw, opt, Released()))
	return buf.String(), raw, b
}

// TestPageCarriesTheBankAndTheEngine: the page holds the bank's exact bytes (so a response's
// digest is the bank's), the engine as committed, and the options.
func TestPageCarriesTheBankAndTheEngine(t *testing.T) {
	for _, id := range data.IDs() {
		page, raw, b := writePage(t, id, Options{NoSummary: true, Respondent: `Sam </script><script>alert(1)</script>`})
		got := scriptBytes(t, page, "candor-bank")
		assert.Equal(t, raw, got, id)
		assert.Equal(t, b.Digest, questionnaire.Digest(got))
		assert.Equal(t, Released().Gz, scriptBytes(t, page, "candor-engine"))
		var first struct {
			View struct {
				Screen string `json:"screen"`
				Intro  struct {
					Title string `json:"title"`
				} `json:"intro"`
			} `json:"view"`
		}
		require.NoError(t, json.Unmarshal([]byte(scriptData(t, page, "candor-first")), &first))
		assert.Equal(t, "intro", first.View.Screen, "the intro is in the page, to show before the engine starts")
		assert.Equal(t, b.Title, first.View.Intro.Title)
		var opts map[string]any
		require.NoError(t, json.Unmarshal([]byte(scriptData(t, page, "candor-options")), &opts))
		assert.Equal(t, map[string]any{"noSummary": true, "respondent": `Sam </script><script>alert(1)</script>`, "bankName": id + ".yaml",
			"maxAnswersBytes": float64(questionnaire.MaxFileSize)}, opts)
	}
}

// TestPageLoadsNothing: the policy forbids every request, and nothing in the page names a
// resource elsewhere.
func TestPageLoadsNothing(t *testing.T) {
	page, _, _ := writePage(t, "trust-readiness", Options{})
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	require.NotNil(t, m, "the page has a policy")
	policy := html.UnescapeString(m[1])
	// Exactly the page's own scripts may run: each executable inline script by its hash,
	// worked out here from the page as written, and nothing else ('unsafe-inline' is gone).
	var hashes []string
	for _, s := range regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		sum := sha256.Sum256([]byte(s[1]))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	require.Len(t, hashes, 2, "the Go loader and the page's script")
	assert.Equal(t, "default-src 'none'; script-src "+strings.Join(hashes, " ")+" 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'", policy)
	assert.NotContains(t, policy, "script-src 'unsafe-inline'")
	own := strings.ReplaceAll(page, string(Released().Exec), "") // the Go toolchain's loader, used as it is
	// The bytes the page carries (the engine, the bank) are data, never read as markup or run:
	// packed text may hold any ASCII, so "url(" could be in it by chance.
	for _, id := range []string{"candor-engine", "candor-bank"} {
		own = strings.Replace(own, scriptData(t, page, id), "", 1)
	}
	for _, bad := range []string{` src=`, `<link`, `@import`, `url(`, `<iframe`, `localStorage`, `sessionStorage`, `indexedDB`, `document.cookie`, `fetch(`, `XMLHttpRequest`, `WebSocket`, `sendBeacon`, `http://`, `https://`} {
		assert.False(t, strings.Contains(own, bad), "the page holds %q", bad)
	}
	// Issue 24: not above 3.25 MB (the released engine here; web/e2e checks the page with the
	// engine built from these sources, BENCHMARKS.md has the figures).
	assert.Less(t, len(page), 3_250_000, "the page stays under 3.25 MB")
}

// TestPageButtons: the page names its buttons as the issue and the docs do.
func TestPageButtons(t *testing.T) {
	page, _, _ := writePage(t, "trust-readiness", Options{})
	for _, name := range []string{"Begin", "Next", "Back", "Skip", "Continue", "Review my answers", "Show my summary", "Download my answers", "Leave this page", "Continue from an answers file", "Send to my counselor"} {
		named := strings.Contains(page, "'"+name+"'") || strings.Contains(page, ">"+name+"</button>")
		assert.True(t, named, "no button named %q", name)
	}
}

// TestWriteNeedsAnEngine: a page without an engine would open to nothing; Write refuses it.
func TestWriteNeedsAnEngine(t *testing.T) {
	b, ds := data.LoadBank("trust-readiness")
	require.NotNil(t, b, "%v", ds)
	raw, _ := data.Source("trust-readiness")
	var buf bytes.Buffer
	assert.EqualError(t, Write(&buf, b, raw, Options{}, Engine{}), "no page engine")
	assert.Zero(t, buf.Len())
}

// TestReleasedEngineNamesItsSources: the embedded engine carries the digest of the sources
// it was built from, which is how `candor form` knows whether it matches its own code.
func TestReleasedEngineNamesItsSources(t *testing.T) {
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, Released().Sources)
}

// TestRightToLeft: a bank in a left-to-right language names no direction on <html>. (Which
// languages are written right to left is questionnaire.RightToLeft's test; a page in
// Arabic, laid out right to left, is web/e2e's TestRightToLeft.)
func TestRightToLeft(t *testing.T) {
	page, _, _ := writePage(t, "trust-readiness", Options{})
	assert.Contains(t, page, `<html lang="en">`, "a left-to-right bank names no direction")
}

// TestPageCarriesTheEngineItNeeds: a page with counselors' keys carries the engine with
// encryption; every other page the one without, which is about 300 KB smaller gzipped. An
// engine released before there were two has one, which every page carries.
func TestPageCarriesTheEngineItNeeds(t *testing.T) {
	b, ds := data.LoadBank("trust-readiness")
	require.NotNil(t, b, "%v", ds)
	raw, _ := data.Source("trust-readiness")
	two := Engine{Gz: []byte("plain engine"), SealedGz: []byte("engine with encryption"), Exec: []byte("loader")}
	one := Engine{Gz: []byte("one engine"), Exec: []byte("loader")}
	keys := Options{Recipients: []string{"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"}}
	for _, c := range []struct {
		eng  Engine
		opt  Options
		want string
	}{
		{two, Options{}, "plain engine"},
		{two, Options{NoSummary: true}, "plain engine"},
		{two, keys, "engine with encryption"},
		{one, Options{}, "one engine"},
		{one, keys, "one engine"},
	} {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, b, raw, c.opt, c.eng))
		assert.Equal(t, c.want, string(scriptBytes(t, buf.String(), "candor-engine")), "%+v", c.opt)
	}
}

// TestPageWordsInItsLanguage: the words of the page's HTML, and those its script draws before
// its engine has started, are in the language the page starts in (form --lang); an English
// page carries none (its script's keys are its words) and keeps its words as they were.
func TestPageWordsInItsLanguage(t *testing.T) {
	es, err := fs.ReadFile(data.FS(), "banks/es/trust-readiness.yaml")
	require.NoError(t, err)
	page, _, _ := writePage(t, "trust-readiness", Options{Translations: map[string]string{"es": string(es)}, Lang: "es"})
	assert.Contains(t, page, `<html lang="es">`)
	for _, s := range []string{"<title>Preguntas</title>", `id="download">Descargar mis respuestas</button>`,
		`class="leave">Salir de esta página</button>`, "<h1>Cargando las preguntas…</h1>",
		"<noscript><p>Estas preguntas necesitan JavaScript"} {
		assert.Contains(t, page, s)
	}
	var w map[string]string
	require.NoError(t, json.Unmarshal([]byte(scriptData(t, page, "candor-words")), &w))
	assert.Equal(t, "Empezar", w["Begin"])
	assert.Equal(t, "Para %s.", w["For %s."])
	assert.Equal(t, "Tu navegador no pudo abrir las preguntas (%s). Prueba con una versión reciente de Firefox, Chrome, Edge o Safari.",
		w["Your browser could not run the questions (%s). Please try a recent version of Firefox, Chrome, Edge or Safari."])
	assert.NotContains(t, w, "There are %d questions.", "a message that counts is the engine's")
	var first struct {
		View struct{ Intro struct{ Count string } }
	}
	require.NoError(t, json.Unmarshal([]byte(scriptData(t, page, "candor-first")), &first))
	assert.Equal(t, "Hay 5 preguntas.", first.View.Intro.Count)

	page, _, _ = writePage(t, "trust-readiness", Options{})
	assert.Equal(t, "{}", scriptData(t, page, "candor-words"))
	for _, s := range []string{"<title>Questions</title>", `id="download">Download my answers</button>`,
		`class="leave">Leave this page</button>`, "<h1>Loading the questions…</h1>",
		"<noscript><p>These questions need JavaScript, which is turned off in this browser. Please turn it on for this file, or ask for the questions on paper.</p></noscript>"} {
		assert.Contains(t, page, s)
	}
}
