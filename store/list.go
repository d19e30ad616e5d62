package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/batch"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

// Saved is one saved response as List finds it (its JSON is `candor answers --format json`'s,
// docs/spec.md §4).
type Saved struct {
	File     string               `json:"file"`
	Bank     string               `json:"bank,omitempty"`
	Title    string               `json:"title,omitempty"`
	Status   questionnaire.Status `json:"status"`
	Started  time.Time            `json:"started,omitzero"`
	Updated  time.Time            `json:"updated,omitzero"`
	Answered int                  `json:"answered"`
	// Problem says why the file cannot be read (StatusUnreadable): the reader's error.
	Problem string `json:"problem,omitempty"`
	// Elsewhere is true for a file saved outside the data folder (remembered).
	Elsewhere bool `json:"-"`
}

// StatusUnreadable is the status of a saved file that is not a readable response.
const StatusUnreadable questionnaire.Status = "unreadable"

// List reads the responses in the data folder (dir), and those the store remembers saving
// elsewhere, newest first. Files that are not responses at all (no `kind: response`) are
// left out; damaged responses are listed (StatusUnreadable), so they can be deleted. A
// remembered file that is gone, or no longer a response, is forgotten, silently. A data
// folder that does not exist yet holds nothing.
func (s *Store) List() (dir string, saved []Saved, err error) {
	dir, err = s.Dir()
	if err != nil {
		return "", nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return dir, nil, &Error{Code: Unreadable, Path: dir, Err: err}
	}
	finder := &data.Finder{}
	var gone []string
	for _, p := range s.remembered() {
		st, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) || err == nil && !st.Mode().IsRegular() {
			gone = append(gone, p)
			continue
		}
		if sv, ok := readSaved(finder, p); ok {
			sv.Elsewhere = true
			saved = append(saved, sv)
		} else {
			gone = append(gone, p) // no longer answers (another file took its name)
		}
	}
	if len(gone) > 0 {
		s.forget(gone...)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !e.Type().IsRegular() || !IsYAMLName(name) {
			continue
		}
		if sv, ok := readSaved(finder, filepath.Join(dir, name)); ok {
			saved = append(saved, sv)
		}
	}
	sort.SliceStable(saved, func(i, j int) bool {
		if !saved[i].Updated.Equal(saved[j].Updated) {
			return saved[i].Updated.After(saved[j].Updated)
		}
		return saved[i].File > saved[j].File
	})
	return dir, saved, nil
}

// Unfinished is the latest unfinished response in saved (List's, newest first) to the bank
// bankID, or to any bank when bankID is empty.
func Unfinished(saved []Saved, bankID string) (Saved, bool) {
	for _, s := range saved {
		if s.Status == questionnaire.InProgress && (bankID == "" || s.Bank == bankID) {
			return s, true
		}
	}
	return Saved{}, false
}

// readSaved reads one response; ok is false for a file that is not a response at all.
func readSaved(finder *data.Finder, path string) (Saved, bool) {
	s := Saved{File: path}
	raw, err := questionnaire.ReadFileLimited(path)
	if err != nil {
		s.Status, s.Problem = StatusUnreadable, err.Error()
		return s, true
	}
	resp, ds := questionnaire.ReadResponse(path, raw)
	if resp == nil {
		if !damagedResponse(raw) {
			return s, false
		}
		s.Status = StatusUnreadable
		if e := ds.Errors(); len(e) > 0 {
			s.Problem = e[0].Summary
		}
		return s, true
	}
	s.Bank, s.Title, s.Started, s.Updated = resp.Bank.ID, resp.Bank.ID, resp.Started, resp.Updated
	s.Status = resp.Status
	if b, _ := finder.ForResponse(resp); b != nil {
		s.Title = b.Title
		if answers, rds := resp.Resolve(b); !rds.HasErrors() {
			s.Answered = len(answers)
			s.Status = scoring.Score(b, answers, scoring.Options{Skipped: resp.Skipped, Declined: resp.Declined}).Status
		}
	} else {
		s.Answered = len(resp.Answers)
	}
	return s, true
}

// damagedResponse reports whether a file that does not read as a response was still written
// as one (a damaged or torn response, listed so it can be deleted), not some other file: its
// YAML is a mapping whose own top-level keys say `candor: 1` and `kind: response`, or, torn
// past reading, it starts with the two lines every response candor writes starts with. A bank
// (no kind), or a file that mentions "kind: response" in a comment, a string or deeper down,
// is not.
func damagedResponse(raw []byte) bool {
	var top struct {
		Candor any `yaml:"candor"`
		Kind   any `yaml:"kind"`
	}
	if err := yaml.Unmarshal(raw, &top); err != nil {
		return bytes.HasPrefix(raw, []byte("candor: 1\nkind: response\n"))
	}
	return fmt.Sprint(top.Candor) == "1" && top.Kind == "response"
}

// IsYAMLName reports whether a file name is a YAML file's (a response's, or a bank's):
// *.yaml or *.yml, in any case.
func IsYAMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// IsResponseName reports whether a folder's file is read as a response: *.yaml, *.yml, or
// *.age (encrypted), in any case.
func IsResponseName(name string) bool {
	return IsYAMLName(name) || strings.EqualFold(filepath.Ext(name), ".age")
}

// Folder lists the response files of the folder at path (IsResponseName), sorted by name in
// little memory (batch.ReadDir). isDir is false for anything that is not a folder (reading it
// as a file says what is wrong). A folder that cannot be read is an Unreadable error; one
// that holds no response files, Empty.
func Folder(path string) (names *batch.Names, isDir bool, err error) {
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		return nil, false, nil
	}
	names, err = batch.ReadDir(path, IsResponseName)
	switch {
	case err != nil:
		return nil, true, &Error{Code: Unreadable, Path: path, Err: err}
	case names.Len() == 0:
		return nil, true, &Error{Code: Empty, Path: path}
	}
	return names, true, nil
}
