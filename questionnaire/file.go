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
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/candor-app/candor/internal/text"
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

// FileProblem is why a file could not be read, as a code: the words a person reads are a
// front end's (cmd/candor's fileProblem).
type FileProblem string

// The problems reading a file (FileError.Code).
const (
	FileNotFound   FileProblem = "not-found"
	FileForbidden  FileProblem = "forbidden"
	FileNotRegular FileProblem = "not-regular" // a device, pipe or socket
	FileIsFolder   FileProblem = "folder"
	FileTooLarge   FileProblem = "too-large"  // Limit MiB; Sealed for an encrypted response
	FileUnreadable FileProblem = "unreadable" // Err says why
)

// FileError is a file that could not be read: its Code, the Path, and the data its words
// need. Error is English, for developers and logs; a person reads the front end's words.
// A diagnostic for it has the code CodeFile and the same data (FileError.Data).
type FileError struct {
	Code FileProblem
	Path string
	// Limit is the largest size read, in MiB (FileTooLarge); Sealed is set when the file
	// was an encrypted response.
	Limit  int
	Sealed bool
	// Err is the operating system's error (FileUnreadable).
	Err error
}

func (e *FileError) Error() string {
	switch e.Code {
	case FileNotFound:
		return "no such file"
	case FileForbidden:
		return "permission denied: candor may not read this file"
	case FileNotRegular:
		return fmt.Sprintf("%s is not a regular file (it is a device, pipe or socket); candor reads banks and responses from files", e.Path)
	case FileIsFolder:
		return fmt.Sprintf("%s is a folder, not a file", e.Path)
	case FileTooLarge:
		if e.Sealed {
			return fmt.Sprintf("the file is larger than %d MiB; candor reads encrypted responses of at most that size", e.Limit)
		}
		return fmt.Sprintf("the file is larger than %d MiB; candor reads banks and responses of at most that size", e.Limit)
	}
	return "cannot read the file: " + e.osText()
}

// osText is the operating system's error without the path it names.
func (e *FileError) osText() string { return text.WithoutPath(e.Err).Error() }

func (e *FileError) Unwrap() error { return e.Err }

// Data is the error's data for a diagnostic (Diagnostic.Data, with CodeFile).
func (e *FileError) Data() map[string]string {
	d := map[string]string{"problem": string(e.Code), "path": e.Path}
	if e.Code == FileTooLarge {
		d["limit"] = strconv.Itoa(e.Limit)
		if e.Sealed {
			d["sealed"] = "true"
		}
	}
	if e.Code == FileUnreadable {
		d["error"] = e.osText()
	}
	return d
}

// fileDiagnostics are the diagnostics of a file that could not be read: CodeFile with the
// FileError's data, when it is one.
func fileDiagnostics(path string, err error) Diagnostics {
	d := Diagnostic{Severity: Error, Pos: Pos{File: path}, Summary: err.Error()}
	var fe *FileError
	if errors.As(err, &fe) {
		d.Code, d.Data = CodeFile, fe.Data()
	}
	return Diagnostics{d}
}

// ErrTooLarge is the refusal of a file over MaxFileSize, for callers that read more.
var ErrTooLarge = &FileError{Code: FileTooLarge, Limit: MaxFileSize >> 20}

// OpenFile opens a file to read, refusing a device, pipe or socket before opening it (opening a
// named pipe waits for a writer, perhaps for ever). The error says what is wrong in plain
// words. A folder opens; readers refuse it.
func OpenFile(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, &FileError{Code: FileNotRegular, Path: path}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	return f, nil
}

func readLimited(f fs.File, name string) ([]byte, error) {
	return readUpTo(f, name, MaxFileSize)
}

func readUpTo(f fs.File, name string, limit int) ([]byte, error) {
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &FileError{Code: FileIsFolder, Path: name}
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, &FileError{Code: FileUnreadable, Path: name, Err: err}
	}
	if len(src) > limit {
		if limit == MaxFileSize {
			return nil, ErrTooLarge
		}
		return nil, &FileError{Code: FileTooLarge, Path: name, Limit: (limit + 1<<20 - 1) >> 20, Sealed: true} // in whole MiB, rounded up
	}
	return src, nil
}

// openError is why a file could not be opened, as a FileError.
func openError(path string, err error) *FileError {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{Code: FileNotFound, Path: path, Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &FileError{Code: FileForbidden, Path: path, Err: err}
	}
	return &FileError{Code: FileUnreadable, Path: path, Err: err}
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
