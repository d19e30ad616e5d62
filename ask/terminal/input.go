package terminal

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"

	"github.com/candor-app/candor/internal/text"
)

// Prompter gives the session what the person types, one line at a time.
type Prompter interface {
	// ReadLine returns the next line without its line ending. It returns io.EOF at the end
	// of input, and ctx's error as soon as ctx is done, even while waiting for a line.
	ReadLine(ctx context.Context) (string, error)
}

// MaxLine is the longest line kept, in bytes; the rest of a longer line is dropped.
const MaxLine = 64 << 10

type line struct {
	s   string
	err error
}

// lineReader reads lines in a goroutine, so that waiting for one can be interrupted.
type lineReader struct {
	r     *bufio.Reader
	lines chan line
	start chan struct{}
	done  bool
}

// NewLineReader returns a Prompter over r. A goroutine reads a line each time one is asked
// for, so ReadLine can return as soon as its context ends (Ctrl-C) while the read waits.
func NewLineReader(r io.Reader) Prompter {
	lr := &lineReader{r: bufio.NewReaderSize(r, 4096), lines: make(chan line), start: make(chan struct{})}
	go lr.loop()
	return lr
}

func (lr *lineReader) loop() {
	for range lr.start {
		s, err := readLine(lr.r)
		lr.lines <- line{s, err}
		if err != nil {
			return
		}
	}
}

func (lr *lineReader) ReadLine(ctx context.Context) (string, error) {
	if lr.done {
		return "", io.EOF
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	select {
	case lr.start <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	select {
	case l := <-lr.lines:
		if l.err != nil {
			lr.done = true
			if l.s != "" {
				// A last line without a line ending still counts.
				return l.s, nil
			}
			return "", l.err
		}
		return l.s, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// readLine reads up to a newline, keeping at most MaxLine bytes.
func readLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, isPrefix, err := r.ReadLine()
		if b.Len() < MaxLine {
			b.Write(chunk[:min(len(chunk), MaxLine-b.Len())])
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return text.Strip(b.String()), io.EOF
			}
			return text.Strip(b.String()), err
		}
		if !isPrefix {
			return text.Strip(b.String()), nil
		}
	}
}

// Lines is a Prompter over fixed lines, for tests and for answering from a list.
type Lines []string

// ReadLine returns the next line, then io.EOF.
func (l *Lines) ReadLine(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if len(*l) == 0 {
		return "", io.EOF
	}
	s := (*l)[0]
	*l = (*l)[1:]
	return s, nil
}
