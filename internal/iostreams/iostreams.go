// Package iostreams carries a command's input and outputs, and what is known about the
// terminal behind them, so that tests can use buffers and pretend to be a terminal.
package iostreams

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/candor-app/candor/internal/text"
)

// IOStreams is where a command reads and writes. Questions and prompts go to ErrOut, results
// to Out, so `candor take --format json > result.json` works.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	inTTY, outTTY, errTTY bool
	width                 int
	// Getenv reads the environment (NO_COLOR, TERM, LANG); tests replace it.
	Getenv func(string) string
	// PasswordReader, when set (tests), is what ReadPassword reads.
	PasswordReader func() ([]byte, error)
}

// System returns streams on the process's stdin, stdout and stderr.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv}
	s.inTTY = isTerminal(os.Stdin)
	s.outTTY = isTerminal(os.Stdout)
	s.errTTY = isTerminal(os.Stderr)
	for _, f := range []*os.File{os.Stdout, os.Stderr, os.Stdin} {
		if isTerminal(f) {
			if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
				s.width = w
				break
			}
		}
	}
	return s
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Test returns streams on buffers, with no terminal.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}
	return s, in, out, errOut
}

// IsStdinTTY reports whether input comes from a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.inTTY }

// IsStdoutTTY reports whether results go to a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether prompts go to a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetTTY pretends (in tests) that the streams are or are not terminals.
func (s *IOStreams) SetTTY(in, out, errOut bool) { s.inTTY, s.outTTY, s.errTTY = in, out, errOut }

// SetWidth sets the terminal width (tests).
func (s *IOStreams) SetWidth(w int) { s.width = w }

func (s *IOStreams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

// ColorEnabled reports whether colors may be used on stdout: only on a terminal, never with
// NO_COLOR set to a non-empty value (as no-color.org defines it) or TERM=dumb.
func (s *IOStreams) ColorEnabled() bool { return s.colorOn(s.outTTY) }

// ColorEnabledStderr is ColorEnabled for the prompt stream.
func (s *IOStreams) ColorEnabledStderr() bool { return s.colorOn(s.errTTY) }

func (s *IOStreams) colorOn(tty bool) bool {
	if !tty || s.getenv("NO_COLOR") != "" || s.getenv("TERM") == "dumb" {
		return false
	}
	return true
}

// Width is the terminal's width, or 80 when not on a terminal.
func (s *IOStreams) Width() int {
	if s.width > 0 {
		return s.width
	}
	return text.DefaultWidth
}

// CanShowUnicode reports whether the locale can show block characters; with a locale that
// names another charset (LANG=C, POSIX, or a non-UTF-8 one) bars are drawn in ASCII.
func (s *IOStreams) CanShowUnicode() bool {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := s.getenv(k); v != "" {
			u := strings.ToUpper(v)
			return strings.Contains(u, "UTF-8") || strings.Contains(u, "UTF8")
		}
	}
	return true
}

// ErrNoTerminal is ReadPassword's error when input is not a terminal.
var ErrNoTerminal = errors.New("input is not a terminal")

// ReadPassword reads a line typed at the terminal without showing it. Without a terminal it
// returns ErrNoTerminal: a secret is never read from a pipe or a file.
func (s *IOStreams) ReadPassword() ([]byte, error) {
	if s.PasswordReader != nil {
		return s.PasswordReader()
	}
	f, ok := s.In.(*os.File)
	if !ok || !s.inTTY {
		return nil, ErrNoTerminal
	}
	return term.ReadPassword(int(f.Fd()))
}
