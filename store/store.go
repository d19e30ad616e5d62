// Package store keeps a person's saved responses on disk: the data folder candor saves them
// in by default and the names they get there, claiming a file to save in (locked while a
// session holds it, never written over when it holds something candor would lose), reopening
// one to resume, the copy sealed for a counselor beside it, listing the saved ones (the data
// folder's, and those remembered where they were saved elsewhere), finding one by name, and
// deleting them (only what was shown).
//
// It speaks in data and error codes (an *Error with a Code): cmd/candor chooses the words.
package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/candor-app/candor/questionnaire"
)

// Store is the saved responses of one person: those in the data folder, and those saved
// elsewhere that it remembers (remembered.go).
type Store struct {
	// dir returns the data folder; its error says why there is none.
	dir func() (string, error)
}

// New returns the store whose data folder dir returns.
func New(dir func() (string, error)) *Store {
	return &Store{dir: dir}
}

// DefaultDir is the data folder responses are saved in by default (docs/spec.md §2, Where):
// $CANDOR_DATA_DIR when set; else $XDG_DATA_HOME/candor when that is an absolute path; else,
// in the home folder, Library/Application Support/candor on macOS, %LocalAppData%\candor on
// Windows, .local/share/candor elsewhere. The error is the home folder's, when there is none
// (New's store says it as NoDataDir).
func DefaultDir() (string, error) {
	if d := os.Getenv("CANDOR_DATA_DIR"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "candor"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "candor"), nil
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "candor"), nil
		}
	}
	return filepath.Join(home, ".local", "share", "candor"), nil
}

// Dir is the data folder. The error is an *Error with code NoDataDir.
func (s *Store) Dir() (string, error) {
	d, err := s.dir()
	if err != nil {
		return "", &Error{Code: NoDataDir, Err: err}
	}
	return d, nil
}

// Code says what went wrong with a saved response, for the caller to put in words.
type Code int

// The codes of an *Error.
const (
	// NoDataDir: there is no data folder (Err says why).
	NoDataDir Code = iota + 1
	// DataDirUnusable: the data folder cannot be made, read or saved in (Path, Err).
	DataDirUnusable
	// NoFreeName: every name for a new response in the data folder is taken (Path: the folder).
	NoFreeName
	// NotFound: there is no file at Path.
	NotFound
	// IsFolder: Path is a folder, not a file.
	IsFolder
	// NotRegular: Path is a device, pipe or socket.
	NotRegular
	// Unreadable: Path cannot be read (Err).
	Unreadable
	// Locked: Path is open in another session right now.
	Locked
	// NotResponse: Path is not a candor response (Diags say why, when it was read as one).
	NotResponse
	// OtherBank: Path holds answers to another bank (Bank).
	OtherBank
	// HoldsAnswers: Path already holds answers to the bank a new session answers.
	HoldsAnswers
	// Ambiguous: a bare name is a file here and another in the data folder (Other).
	Ambiguous
	// Changed: a file picked for deletion changed or moved since it was picked.
	Changed
	// NotSealed: the copy of Path for its recipients could not be encrypted (Err).
	NotSealed
	// Failed: an operation on Path failed (Err).
	Failed
	// Empty: the folder at Path holds no response files (Folder).
	Empty
)

var codeNames = map[Code]string{
	NoDataDir: "no data folder", DataDirUnusable: "data folder unusable", NoFreeName: "no free name",
	NotFound: "not found", IsFolder: "is a folder", NotRegular: "not a regular file",
	Unreadable: "unreadable", Locked: "locked", NotResponse: "not a response",
	OtherBank: "answers another bank", HoldsAnswers: "holds answers", Ambiguous: "ambiguous",
	Changed: "changed", NotSealed: "not sealed", Failed: "failed", Empty: "no response files",
}

func (c Code) String() string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return fmt.Sprintf("code %d", int(c))
}

// Error is what went wrong, as data: a code, the file, and what else the code needs.
type Error struct {
	Code Code
	// Path is the file (or folder) concerned.
	Path string
	// Bank is the bank a file's answers answer (OtherBank).
	Bank string
	// Other is the second file a name could mean (Ambiguous).
	Other string
	// Diags are what reading the file found (NotResponse).
	Diags questionnaire.Diagnostics
	// Err is the cause, when there is one.
	Err error
}

// Error is for developers and logs; a person is told in cmd/candor's words.
func (e *Error) Error() string {
	s := "store: "
	if e.Path != "" {
		s += e.Path + ": "
	}
	s += e.Code.String()
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }
