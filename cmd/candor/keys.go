package main

import (
	"errors"
	"fmt"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"github.com/candor-app/candor/internal/safefile"
	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// defaultKeyFile is where 'candor keys new' writes without -o.
const defaultKeyFile = "candor-key.txt"

// KeysNewOptions are the inputs of 'candor keys new'.
type KeysNewOptions struct {
	// Output is the identity file to create.
	Output string
}

// KeysShowOptions are the inputs of 'candor keys show'.
type KeysShowOptions struct {
	File string
}

// NewCmdKeys builds 'candor keys' and its subcommands.
func NewCmdKeys(f *Factory) *cobra.Command {
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "keys",
		Short: w.T("Make the key that opens answers sent to you encrypted"),
		Long: w.T(`Answers can be sent to you encrypted (age, https://age-encryption.org), so that only you can
read them, not someone who reads the person's phone or mail on the way.

  candor keys new [-o FILE]   make your key: a private file to keep, and a public key to hand out
  candor keys show FILE       print the public key of a key file again

Give the public key (age1…) to 'candor form --to' or 'candor take --to', or put it in a
bank's recipients. Read what comes back with 'candor score --identity FILE'.`),
		Example: "  candor keys new -o ~/candor-key.txt\n  candor form trust-readiness --to age1… -o page.html\n  candor score --identity ~/candor-key.txt answers.age", // words:none: command lines
		Args:    noArgs,
	}
	cmd.AddCommand(NewCmdKeysNew(f, nil), NewCmdKeysShow(f, nil))
	return cmd
}

// NewCmdKeysNew builds 'candor keys new'.
func NewCmdKeysNew(f *Factory, runF func(*KeysNewOptions) error) *cobra.Command {
	opts := &KeysNewOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "new",
		Short: w.T("Make a new key: a private file, and its public key to hand out"),
		Long: w.T(`Make a new key (an age X25519 identity) in FILE (default: %s in this
folder), readable by you alone; an existing file is never replaced. The public key (age1…) is
printed on standard output: hand it out, to 'candor form --to', 'candor take --to' or a bank's
recipients.

Keep FILE private, and keep a copy somewhere safe: whoever has it can read the answers sent to
you, and without it no one can.`, defaultKeyFile),
		Example: "  candor keys new\n  candor keys new -o ~/private/candor-key.txt",
		Args:    noArgs,
		RunE:    runWith(opts, nil, runF, func() error { return keysNewRun(f, opts) }),
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", defaultKeyFile, w.T("write the key to `FILE` (never over an existing file)"))
	return cmd
}

func keysNewRun(f *Factory, opts *KeysNewOptions) error {
	w := f.Words()
	file, recipient, err := sealed.NewIdentity(f.Now())
	if err != nil {
		return badInput("%s", w.T("cannot make a key: %v", err))
	}
	if err := safefile.WriteNew(opts.Output, file); err != nil {
		return badInput("%s", createError(w, opts.Output, err))
	}
	name := text.Sanitize(opts.Output)
	e := f.IO.ErrOut
	w.Tw(e, "Your key is in %s, readable by you alone. Its public key, to hand out:\n", name)
	fmt.Fprintln(f.IO.Out, recipient)
	w.Tw(e, "Keep %s private and keep a copy somewhere safe: it alone opens the answers sent to you.\n", name)
	return nil
}

// NewCmdKeysShow builds 'candor keys show FILE'.
func NewCmdKeysShow(f *Factory, runF func(*KeysShowOptions) error) *cobra.Command {
	opts := &KeysShowOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "show FILE", // words:none: the command line's syntax
		Short: w.T("Print the public key of a key file"),
		Long: w.T(`Print the public key (age1…) of the key in FILE, one a line when it holds several: what
to hand out, to 'candor form --to', 'candor take --to' or a bank's recipients.`),
		Example: "  candor keys show ~/candor-key.txt",
		Args:    rangeArgs(1, 1, w.T("one key file")),
		RunE:    runWith(opts, func(args []string) { opts.File = args[0] }, runF, func() error { return keysShowRun(f, opts) }),
	}
	return cmd
}

func keysShowRun(f *Factory, opts *KeysShowOptions) error {
	ids, err := readIdentityFile(f.Words(), opts.File)
	if err != nil {
		return err
	}
	for _, r := range sealed.Recipients(ids) {
		fmt.Fprintln(f.IO.Out, r)
	}
	return nil
}

// readIdentityFile reads a key file; the error names it and says what is wrong, in w's
// language.
func readIdentityFile(w *words.Printer, path string) ([]*age.X25519Identity, error) {
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		return nil, badInput("%s: %s", path, fileProblem(w, err))
	}
	ids, err := sealed.ParseIdentities(raw)
	clear(raw)
	if errors.Is(err, sealed.ErrIdentity) {
		return nil, badInput("%s", w.T("%s is not a key file made by 'candor keys new' or age-keygen (%v)", path, sealed.Detail(err)))
	}
	if err != nil {
		return nil, badInput("%s: %v", path, err)
	}
	return ids, nil
}
