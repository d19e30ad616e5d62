// Package engine is what the page `candor form` writes runs in the browser, compiled to
// WebAssembly (web/wasm binds it to JavaScript): the bank read from its exact bytes, the one
// answering session of package ask, the summary of package render and the response file of
// package questionnaire. The page only draws what a View says and passes on what the person
// did; every decision (which question comes next, what an answer means, which flag to show,
// what the summary says) is made here, by the code `candor take` runs.
//
// The engine touches no file and no network, and keeps the answers in memory only.
package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/candor-app/candor/ask"
	"github.com/candor-app/candor/ask/askwords"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/render"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

// Options are the choices the counselor made with `candor form`.
type Options struct {
	// NoSummary ends with a thank-you and the download instead of the summary.
	NoSummary bool `json:"noSummary,omitempty"`
	// Respondent is the name or label kept with the answers.
	Respondent string `json:"respondent,omitempty"`
	// Recipients are the counselors' public keys (age1…): "send" encrypts the response
	// file to them.
	Recipients []string `json:"recipients,omitempty"`
	// EncryptedOnly leaves out the plain download: the answers leave the page encrypted
	// only.
	EncryptedOnly bool `json:"encryptedOnly,omitempty"`
	// Translations are the bank's translations, each file's text by its language
	// (docs/spec.md §1, Languages); Lang is the one to start in ("" for the bank's own); the
	// first screen offers them all (docs/spec.md §4).
	Translations map[string]string `json:"translations,omitempty"`
	Lang         string            `json:"lang,omitempty"`
}

// Engine is one person answering one bank in a page.
type Engine struct {
	bank *questionnaire.Bank
	// all is the bank with its translations, whatever language bank is in ("lang").
	all *questionnaire.Bank
	opt Options
	now func() time.Time
	// sealer encrypts for Options.Recipients.
	sealer sealer
	// words says candor's own words in the language the questions are in now (the "words"
	// call, and the engine's messages for people): w() makes it when it is first needed,
	// since reading the catalogue takes a few hundred milliseconds in the browser (not at
	// its start: BENCHMARKS.md).
	words *words.Printer

	resp *questionnaire.Response
	sess *ask.Session
	// warnings come from reading an answers file back (another version of the bank).
	warnings []scoring.Warning
	// differs is how the answers file loaded differs from the bank (nil: not at all).
	differs *Differences
}

// Screens a View can show: the session's (ask.Screen).
const (
	ScreenIntro    = string(ask.ScreenIntro)
	ScreenQuestion = string(ask.ScreenQuestion)
	ScreenFlags    = string(ask.ScreenFlags)
	ScreenReview   = string(ask.ScreenReview)
	ScreenEnd      = string(ask.ScreenEnd)
)

// New loads the bank from its exact bytes (so a response's digest is the bank file's) and
// starts a new response. now is the clock (time.Now when nil).
func New(name string, raw []byte, opt Options, now func() time.Time) (*Engine, error) {
	if now == nil {
		now = time.Now
	}
	b, ds := questionnaire.Load(name, raw)
	if len(opt.Translations) > 0 {
		files := map[string][]byte{}
		for lang, src := range opt.Translations {
			files[lang] = []byte(src)
		}
		b, ds = questionnaire.Translate(b, ds, files)
	}
	if b == nil {
		return nil, errors.New(words.For(opt.Lang).T("this questionnaire cannot be read: %s", firstError(words.For(opt.Lang), ds)))
	}
	s, err := newSealer(opt.Recipients)
	if errors.Is(err, errNoSealing) {
		return nil, err
	} else if err != nil {
		return nil, errors.New(words.For(b.In(opt.Lang).Language).T("this page's key for the counselor cannot be read: %v", err))
	}
	e := &Engine{all: b, opt: opt, now: now, sealer: s}
	e.start(opt.Lang)
	return e, nil
}

// start begins a new response, with no answers, in language lang ("" for the bank's own).
func (e *Engine) start(lang string) {
	e.bank = e.all.In(lang)
	e.words = nil
	resp := questionnaire.NewResponse(e.bank, e.now())
	resp.Respondent = e.opt.Respondent
	e.resp = resp
	e.sess = ask.NewSession(e.bank, resp, e.askOptions())
}

// languageOpen: the language can still be chosen, on the first screen with no answer given
// or loaded.
func (e *Engine) languageOpen() bool {
	return e.sess.Screen() == ask.ScreenIntro && !e.sess.Resumed() &&
		len(e.resp.Answers)+len(e.resp.Skipped)+len(e.resp.Declined) == 0
}

// switchLanguage starts again in language lang, one of the bank's, from the first screen
// before any answer is given or loaded: the choice of language is made there only
// (docs/spec.md §4).
func (e *Engine) switchLanguage(lang string) error {
	if e.all.Match(lang) == "" {
		return errors.New(e.w().T("this questionnaire is not written in %q", lang))
	}
	if !e.languageOpen() {
		return errors.New(e.w().T("the language is chosen on the first screen, before any answer"))
	}
	e.start(lang)
	return nil
}

// errNoSealing is the error of the engine without encryption (seal_plain.go) given keys to
// encrypt for: a page with keys carries the engine with encryption (web.Engine.For).
var errNoSealing = errors.New("this engine cannot encrypt: the page needs the engine with encryption") // words:none: a page built wrongly, for developers

// firstError is the first error of ds, where it is, in p's words; the diagnostic's own
// summary stays English, as a file's diagnostics do (docs/spec.md §4).
func firstError(p *words.Printer, ds questionnaire.Diagnostics) string {
	if errs := ds.Errors(); len(errs) > 0 {
		d := errs[0]
		if d.Pos.Line > 0 {
			return p.T("line %d: %s", d.Pos.Line, d.Summary)
		}
		return d.Summary
	}
	return p.T("it is not a candor file")
}

// askOptions are the session's: the page's clock, and Back from the first question shows
// the intro again.
func (e *Engine) askOptions() ask.Options {
	return ask.Options{Now: e.now, BackToIntro: true}
}

// Bank is the bank being answered.
func (e *Engine) Bank() *questionnaire.Bank { return e.bank }

// Reply is what a call returns to the page.
type Reply struct {
	// View is the screen to show after the call.
	View *View `json:"view,omitempty"`
	// Problem says why an answer was not taken (the view is unchanged).
	Problem *Problem `json:"problem,omitempty"`
	// File is the response file to download.
	File *File `json:"file,omitempty"`
	// Text is a rendered result ("result").
	Text string `json:"text,omitempty"`
	// Error is a failure the person should read (a file that cannot be continued).
	Error string `json:"error,omitempty"`
}

// Problem is an answer that was not taken.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// File is a response file: its suggested name and its text, exactly as `candor take` saves it.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Call runs one method with its JSON argument (and, for "load", a file's bytes) and returns
// the reply as JSON. It never panics on bad input: an unknown method or a bad argument is an
// Error.
func (e *Engine) Call(method string, arg []byte, data []byte) []byte {
	r := e.call(method, arg, data)
	out, err := json.Marshal(r)
	if err != nil {
		out, _ = json.Marshal(Reply{Error: err.Error()})
	}
	return out
}

type callArg struct {
	Text   string `json:"text"`
	Args   []any  `json:"args"`
	ID     string `json:"id"`
	Format string `json:"format"`
	Name   string `json:"name"`
}

func (e *Engine) call(method string, raw []byte, data []byte) Reply {
	var a callArg
	if len(bytes.TrimSpace(raw)) > 0 {
		if err := json.Unmarshal(raw, &a); err != nil {
			return Reply{Error: "bad argument to " + method + ": " + err.Error()} // words:none: a fault of the page's script, for developers
		}
	}
	if method == "words" {
		return Reply{Text: e.say(a.Text, a.Args)}
	}
	if e.sess == nil && method != "load" {
		return Reply{Error: "nothing to show: the answers were cleared"} // words:none: a fault of the page's script, for developers
	}
	switch method {
	case "send":
		f, err := e.sealedFile()
		if err != nil {
			return Reply{Error: err.Error()}
		}
		return Reply{File: f}
	case "download":
		if e.opt.EncryptedOnly {
			return Reply{Error: e.w().T("this page sends the answers encrypted only")}
		}
		f, err := e.file()
		if err != nil {
			return Reply{Error: err.Error()}
		}
		return Reply{File: f}
	case "result":
		text, err := e.result(a.Format)
		if err != nil {
			return Reply{Error: err.Error()}
		}
		return Reply{Text: text}
	case "load":
		if msg := e.load(a.Name, data); msg != "" {
			return Reply{Error: msg}
		}
		return Reply{View: e.view()}
	case "forget":
		e.forget()
		return Reply{}
	}
	known, err := e.move(method, a)
	if !known {
		return Reply{Error: fmt.Sprintf("unknown call %q", method)} // words:none: a fault of the page's script, for developers
	}
	var r Reply
	if p, ok := err.(*ask.Problem); ok {
		r.Problem = &Problem{Code: string(p.Code), Message: askwords.ProblemText(e.w(), p)}
	} else if err != nil {
		r.Error = err.Error()
	}
	r.View = e.view()
	return r
}

// move passes on one thing the person did; the session decides the screen after it. known
// is false for a method it does not know. A *ask.Problem says why an answer was not taken.
func (e *Engine) move(method string, a callArg) (known bool, err error) {
	switch method {
	case "view":
	case "begin":
		e.sess.Begin()
	case "lang":
		err = e.switchLanguage(a.Text)
	case "answer":
		err = e.answer(a.Text)
	case "skip":
		err = e.sess.Skip()
	case "decline":
		err = e.sess.Decline()
	case "back":
		err = e.sess.Back()
	case "goto":
		// From the review: change that answer, then ask what the change opened.
		err = e.sess.Change(a.ID)
	case "review":
		e.sess.ShowReview()
	case "ack":
		e.sess.AckAtOnce()
	case "summary":
		e.sess.Finish()
	default:
		return false, nil
	}
	return true, err
}

// answer takes what the person gave on the page. Nothing given (no choice ticked, an empty
// field) keeps a "rather not say" given before, and otherwise skips an optional question,
// even one answered before (the page shows that answer, so clearing it means leaving it
// without one); a required question needs an answer.
func (e *Engine) answer(text string) error {
	if strings.TrimSpace(text) != "" {
		return e.sess.Answer(text)
	}
	if st := e.sess.Current(); st.Question != nil && st.Declined {
		return e.sess.Answer("")
	}
	if st := e.sess.Current(); st.Question != nil && st.Optional {
		return e.sess.Skip()
	}
	if e.sess.Done() {
		return e.sess.Answer(text)
	}
	return &ask.Problem{Code: ask.NeedsAnswer, Question: e.sess.Current().Question}
}

// forget drops the answers and everything that holds them.
func (e *Engine) forget() {
	e.sess, e.resp, e.warnings, e.differs = nil, nil, nil, nil
}

// result scores the answers and renders them: "json" (docs/spec.md §3), "text" or "html"
// (the summary alone, as the page shows it).
func (e *Engine) result(format string) (string, error) {
	r := e.score()
	opt := e.renderOptions()
	if format == "html" {
		return render.SummaryHTML(e.bank, r, opt), nil
	}
	opt.Format = format
	var b strings.Builder
	if err := render.Summary(&b, e.bank, r, opt); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (e *Engine) score() *scoring.Result {
	r := scoring.Score(e.bank, e.sess.Answers(), scoring.Options{Skipped: e.resp.Skipped, Declined: e.resp.Declined})
	r.Warnings = append(r.Warnings, e.warnings...)
	return r
}

// renderOptions are the summary's options, as `candor take` gives them without saving.
func (e *Engine) renderOptions() render.Options {
	return render.Options{Date: e.resp.Updated, Respondent: e.resp.Respondent, Words: e.w()}
}

// file is the response as `candor take` saves it. Its name tells nothing of the topic.
func (e *Engine) file() (*File, error) {
	// Without Options.Save, Save only stamps the time and brings the status up to date.
	_ = e.sess.Save()
	data, err := e.resp.Marshal(e.bank)
	if err != nil {
		return nil, errors.New(e.w().T("your answers could not be written to a file: %v", err))
	}
	return &File{Name: "candor-answers-" + e.now().Format("20060102") + ".yaml", Text: string(data)}, nil
}

// sealedFile is the response file encrypted for the counselors (armored age): only they can
// open it. Its name tells nothing of the topic.
func (e *Engine) sealedFile() (*File, error) {
	if !e.sealer.ok() {
		return nil, errors.New(e.w().T("this page has no key to encrypt the answers for"))
	}
	f, err := e.file()
	if err != nil {
		return nil, err
	}
	out, err := e.sealer.seal([]byte(f.Text))
	if err != nil {
		return nil, errors.New(e.w().T("your answers could not be encrypted: %v", err))
	}
	return &File{Name: strings.TrimSuffix(f.Name, ".yaml") + ".age", Text: string(out)}, nil
}

// load continues from an answers file: a response saved by `candor take` or by this page,
// or a plain mapping of question ids to answers. The message says why it cannot be, in
// words a person can act on; "" when it was loaded.
func (e *Engine) load(name string, data []byte) string {
	if name == "" {
		name = e.w().T("the file")
	}
	resp, ds := questionnaire.ReadAnswers(name, data, e.bank)
	if resp == nil {
		return e.w().T("This file cannot be read as answers: %s.", firstError(e.w(), ds))
	}
	if resp.Bank.ID != "" && resp.Bank.ID != e.bank.ID {
		return e.w().T("This file holds answers to another questionnaire, so it cannot be continued here.")
	}
	saved := ask.Adopt(e.bank, resp, e.opt.Respondent, e.now())
	rds := saved.Diagnostics
	if rds.HasErrors() {
		return e.w().T("Some answers in this file do not fit these questions (%s), so it cannot be continued here.", firstError(e.w(), rds))
	}
	var warnings []scoring.Warning
	for _, d := range append(ds, rds...).Warnings() {
		if d.Code == questionnaire.CodeBankDrift {
			continue // the intro says it in plain words (differences), as take does
		}
		warnings = append(warnings, scoring.FileWarning(d))
	}
	e.resp = resp
	e.sess = ask.Resume(e.bank, saved, e.askOptions())
	e.warnings = warnings
	e.differs = differences(resp, e.bank)
	return ""
}

// differences says how resp differs from bank b, nil when in nothing (Response.Drifted and
// the answers to questions b does not have, which Resolve warns of).
func differences(resp *questionnaire.Response, b *questionnaire.Bank) *Differences {
	d := &Differences{}
	switch {
	case resp.Bank.Version != "" && resp.Bank.Version != b.Version:
		d.Version, d.BankVersion = resp.Bank.Version, b.Version
	case resp.Drifted(b):
		d.Changed = true
	}
	for _, id := range resp.Order {
		if b.Question(id) == nil {
			d.Unknown = append(d.Unknown, id)
		}
	}
	if d.Version == "" && !d.Changed && len(d.Unknown) == 0 {
		return nil
	}
	return d
}

// w is the printer of the language the questions are in now.
func (e *Engine) w() *words.Printer {
	if e.words == nil {
		e.words = words.For(e.bank.Language)
	}
	return e.words
}

// say is the message key in the page's language, formatted with args (the "words" call: the
// page's own words, page.js's t()). JSON has one kind of number: a whole one that a %d of
// the key takes is made an int; the printer writes the rest as the language writes them.
func (e *Engine) say(key string, args []any) string {
	for _, v := range words.Verbs(key) {
		if v.Arg >= len(args) || !strings.HasSuffix(v.Text, "d") {
			continue
		}
		if f, ok := args[v.Arg].(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			args[v.Arg] = int(f)
		}
	}
	return e.w().T(key, args...)
}
