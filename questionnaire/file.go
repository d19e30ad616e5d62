package questionnaire

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/internal/yamlpos"
)

// Reading the files banks and responses come from: refusing what is not a regular text file of
// a sane size, with a plain message.

// MaxFileSize is the largest bank or response file read, in bytes.
const MaxFileSize = yamlpos.MaxFileSize

// ReadFileLimited reads a whole file, refusing directories and files over MaxFileSize.
func ReadFileLimited(path string) ([]byte, error) {
	return ReadFileUpTo(path, MaxFileSize)
}

// MaxSealedFileSize is the largest encrypted response read: a response of MaxFileSize,
// encrypted (64 KiB chunks, 16 bytes each more) and armored (base64, 64 columns), with room
// for a header of age's largest (2 MiB).
const MaxSealedFileSize = MaxFileSize*14/10 + 3<<20

// ReadFileUpTo reads a whole file, refusing directories and files over limit bytes (so
// ReadFileLimited is ReadFileUpTo(path, MaxFileSize)); an encrypted response is read with
// MaxSealedFileSize, what it holds then held to MaxFileSize.
func ReadFileUpTo(path string, limit int) ([]byte, error) {
	f, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readUpTo(f, path, limit)
}

// ErrTooLarge is the refusal of a file over MaxFileSize, for callers that read more.
var ErrTooLarge = fmt.Errorf("the file is larger than %d MiB; candor reads banks and responses of at most that size", MaxFileSize>>20)

// OpenFile opens a file to read, refusing a device, pipe or socket before opening it (opening a
// named pipe waits for a writer, perhaps for ever). The error says what is wrong in plain
// words. A folder opens; readers refuse it.
func OpenFile(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, errors.New(describeOpenError(err))
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (it is a device, pipe or socket); candor reads banks and responses from files", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New(describeOpenError(err))
	}
	return f, nil
}

func readLimited(f fs.File, name string) ([]byte, error) {
	return readUpTo(f, name, MaxFileSize)
}

func readUpTo(f fs.File, name string, limit int) ([]byte, error) {
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", name)
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %v", err)
	}
	if len(src) > limit {
		if limit == MaxFileSize {
			return nil, ErrTooLarge
		}
		return nil, fmt.Errorf("the file is larger than %d MiB; candor reads encrypted responses of at most that size", limit>>20)
	}
	return src, nil
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: candor may not read this file"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Digest returns "sha256:<hex>" of src.
func Digest(src []byte) string {
	sum := sha256.Sum256(src)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// checkText refuses input that is not UTF-8 text or holds a character YAML does not allow
// (a NUL, another control character, U+FFFE), at the line and column of the first one, and
// strips a BOM.
func checkText(d *diags, src []byte) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	line, col := 1, 1
	for i := 0; i < len(src); {
		c := src[i]
		if c >= 0x20 && c < 0x7f {
			i, col = i+1, col+1
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		p := Pos{Line: line, Col: col}
		switch {
		case r == utf8.RuneError && n <= 1:
			d.errorf(p, "save the file as UTF-8 text", "the file is not valid UTF-8 text")
			return nil, false
		case r == 0:
			d.errorf(p, "save the file as plain UTF-8 text", "the file contains a NUL byte; it is not a text file")
			return nil, false
		case !yamlAllows(r):
			what := "a character"
			if unicode.IsControl(r) {
				what = "a control character"
			}
			d.errorf(p, "delete it: most editors show it as nothing or as a box, so retyping the text around it is the surest way",
				"the file contains %U, %s that YAML does not allow", r, what)
			return nil, false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += n
	}
	return src, true
}

// yamlAllows reports whether YAML 1.2 allows r in a file (its printable set, and line breaks).
func yamlAllows(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0x7e) || r == 0x85 ||
		(r >= 0xa0 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}
