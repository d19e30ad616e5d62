package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/web"
	"github.com/candor-app/candor/words"
)

// FormOptions are the inputs of 'candor form'.
type FormOptions struct {
	Bank string
	// Lang is the language the page starts in (--lang); empty: the bank's own. The page
	// carries every translation of the bank either way, offered on its first screen.
	Lang string
	// Output is the page's file; empty writes it to standard output (not a terminal).
	Output     string
	NoSummary  bool
	Respondent string
	// Force replaces an existing regular file at Output.
	Force bool
	// To are the counselors' public keys (age1…) the page encrypts the answers to; ToFile is
	// a file of them, one a line. The bank's recipients are added.
	To     []string
	ToFile string
	// EncryptedOnly leaves out the plain download.
	EncryptedOnly bool
}

// NewCmdForm builds 'candor form BANK'.
func NewCmdForm(f *Factory, runF func(*FormOptions) error) *cobra.Command {
	opts := &FormOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "form BANK",
		Short: w.T("Write a questionnaire as one web page to send to a client"),
		Long: w.T(`Write BANK (a built-in id or a file) as one HTML file that anyone can open with a
double-click and answer in any browser, offline: no server, no account, no install. The
page runs candor's own engine, so it asks, checks and sums up exactly as 'candor take'
does, and shows the urgent message the moment an answer raises it.

The person downloads their answers as a response file ('Download my answers'), which
'candor score', 'compare', 'history' and 'take --resume' read. Nothing is sent anywhere
and nothing is kept in the browser; 'Leave this page' (or Shift three times) closes it at
once.

With --to KEY (your public key, age1…, from 'candor keys new'; repeatable), --to-file FILE
(keys one a line, # comments) or a bank with recipients, the page also offers 'Send to my
counselor': it downloads the answers encrypted so that only you can open them
(candor-answers-YYYYMMDD.age, armored text that can be pasted into an email), to read with
'candor score --identity KEY-FILE'. 'Download my answers' stays, for the person to continue
later, unless you add --encrypted-only.

--no-summary ends with a thank-you and the download instead of the summary, for banks
you want to read first. --respondent puts a name or label in the answers.

form never replaces a file that is already there, unless you add --force; even then it
replaces only an ordinary file, never the bank itself, a folder, a link or a device.`),
		Example: "  candor form trust-readiness -o check-in.html\n" + // words:none: command lines
			"  candor form my-bank.yaml --no-summary --respondent Sam -o sam.html\n" + // words:none: command lines
			"  candor form trust-readiness --to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -o check-in.html", // words:none: command lines
		Args:              rangeArgs(1, 1, w.T("one bank (a built-in id or a file)")),
		ValidArgsFunction: bankCompletion,
		RunE:              runWith(opts, func(args []string) { opts.Bank = args[0] }, runF, func() error { return formRun(f, opts) }),
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Output, "output", "o", "", w.T("write the page to `FILE` (.html)"))
	langFlag(f, cmd, &opts.Lang, w.T("the page starts in `LANG` (such as es), where the bank is written in it; its first screen offers the bank's languages (default: the bank's own)"))
	fl.BoolVar(&opts.NoSummary, "no-summary", false, w.T("end with a thank-you and the download, without the summary")) // words:none: a flag's name
	fl.StringVar(&opts.Respondent, "respondent", "", w.T("a name or label kept with the answers"))
	fl.BoolVar(&opts.Force, "force", false, w.T("replace FILE if it exists (an ordinary file only)"))
	fl.StringArrayVar(&opts.To, "to", nil, w.T("offer 'Send to my counselor': the answers encrypted for `KEY` (your public key, age1…; repeatable)"))
	fl.StringVar(&opts.ToFile, "to-file", "", w.T("the public keys to encrypt for, one a line, in `FILE`")) // words:none: a flag's name
	fl.BoolVar(&opts.EncryptedOnly, "encrypted-only", false, w.T("leave out the plain download: the answers leave the page encrypted only"))
	addPreRun(cmd, func(*cobra.Command, []string) error { return checkRecipients(opts.To) })
	return cmd
}

func formRun(f *Factory, opts *FormOptions) error {
	w := f.Words()
	if opts.Output == "" && f.IO.IsStdoutTTY() {
		return usageError("%s", w.T("the page is a file of about 3 MB; name it with -o FILE.html (or redirect the output)"))
	}
	b, err := loadBank(f, opts.Bank, resolveWidth(f, 0))
	if err != nil {
		return err
	}
	raw, err := bankBytes(w, b, opts.Bank)
	if err != nil {
		return err
	}
	recipients, err := formRecipients(w, opts, b)
	if err != nil {
		return err
	}
	var page bytes.Buffer
	eng := newEngineSource().engine(f.IO.ErrOut)
	wopt := web.Options{NoSummary: opts.NoSummary, Respondent: strings.ToValidUTF8(opts.Respondent, "\uFFFD"),
		Recipients: recipients, EncryptedOnly: opts.EncryptedOnly}
	shown := b
	if opts.Lang != "" {
		// The page starts in --lang's translation.
		shown = newLanguages(f, opts.Lang).in(b, "")
		wopt.Lang = shown.Translated()
	}
	// The page carries the bank's translations: its first screen offers them (docs/spec.md §4).
	for _, lang := range b.Languages[min(1, len(b.Languages)):] {
		if wopt.Translations == nil {
			wopt.Translations = map[string]string{}
		}
		wopt.Translations[lang] = string(b.In(lang).Src)
	}
	err = web.Write(&page, shown, raw, wopt, eng)
	if err != nil {
		return badInput("%s", w.T("cannot write the page: %v", err))
	}
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(page.Bytes()); err != nil {
			return badInput("%s", w.T("writing output: %s", err))
		}
		return nil
	}
	if err := safefile.MkdirPrivate(filepath.Dir(opts.Output)); err != nil {
		return badInput("%v", err)
	}
	if err := writePage(w, opts, b, page.Bytes()); err != nil {
		return err
	}
	w.Tw(f.IO.ErrOut, "Wrote %s (%.1f MB): open it in a browser to try it, then send it.\n", text.Sanitize(opts.Output), float64(page.Len())/1e6)
	return nil
}

// formRecipients are the page's keys: --to's, --to-file's and the bank's, each once.
func formRecipients(w *words.Printer, opts *FormOptions, b *questionnaire.Bank) ([]string, error) {
	var fromFile []string
	if opts.ToFile != "" {
		raw, err := questionnaire.ReadFileLimited(opts.ToFile)
		if err != nil {
			return nil, badInput("%s: %s", opts.ToFile, fileProblem(w, err))
		}
		if fromFile, err = sealed.ParseRecipientsFile(raw); err != nil {
			var re *sealed.RecipientError
			errors.As(err, &re)
			return nil, badInput("%s", w.T("%s:%d: %q is not an age public key: the file holds keys starting with age1, one a line", opts.ToFile, re.Line, text.Sanitize(re.Value)))
		}
	}
	keys := recipientKeys(opts.To, fromFile, b.Recipients)
	if opts.EncryptedOnly && len(keys) == 0 {
		return nil, usageError("%s", w.T("--encrypted-only needs a key to encrypt the answers for: --to KEY, --to-file FILE or the bank's recipients"))
	}
	return keys, nil
}

// writePage writes the page to opts.Output atomically: a new file, or with --force over an
// ordinary file that is not the bank itself (docs/spec.md §4, form).
func writePage(w *words.Printer, opts *FormOptions, b *questionnaire.Bank, page []byte) error {
	name := text.Sanitize(opts.Output)
	if !opts.Force {
		err := safefile.WriteNew(opts.Output, page)
		if errors.Is(err, fs.ErrExist) {
			return badInput("%s", w.T("%s already exists; candor does not replace it: choose another name, or add --force to replace it", name))
		}
		if err != nil {
			return badInput("%s", createError(w, opts.Output, err))
		}
		return nil
	}
	if info, err := os.Lstat(opts.Output); err == nil {
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return badInput("%s", w.T("%s is a link; candor does not replace links, even with --force: choose another name", name))
		case !info.Mode().IsRegular():
			return badInput("%s", w.T("%s is not an ordinary file (a folder, a device or a pipe); candor does not replace it: choose another name", name))
		}
		if bank, err := os.Stat(opts.Bank); err == nil && os.SameFile(info, bank) {
			return badInput("%s", w.T("%s is the bank itself; write the page to another file", name))
		}
	}
	if err := safefile.WriteFile(opts.Output, page); err != nil {
		return badInput("%s", w.T("cannot write %s: %v", name, err))
	}
	return nil
}

// bankBytes are the exact bytes bank b was read from (the built-in file, or the file arg
// names), so that the page's responses carry the bank's digest.
func bankBytes(w *words.Printer, b *questionnaire.Bank, arg string) ([]byte, error) {
	var raw []byte
	if src, ok := data.Source(b.ID); ok && b.File == "banks/"+b.ID+".yaml" {
		raw = src
	} else {
		r, err := questionnaire.ReadFileLimited(arg)
		if err != nil {
			return nil, badInput("%s", w.T("cannot read %s: %s", arg, fileProblem(w, err)))
		}
		raw = r
	}
	if questionnaire.Digest(raw) != b.Digest {
		return nil, badInput("%s", w.T("%s changed while it was read; try again", arg))
	}
	return raw, nil
}
