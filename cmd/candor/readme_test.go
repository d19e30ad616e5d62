package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
)

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	return string(b)
}

// The "Write your own bank" example in the README is a real bank: it loads without a problem
// and passes its own tests, so the tutorial cannot drift from what candor accepts.
func TestReadmeTutorialBank(t *testing.T) {
	text := readme(t)
	_, after, ok := strings.Cut(text, "## Write your own bank")
	require.True(t, ok, "README has a 'Write your own bank' section")
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(after)
	require.NotNil(t, m, "the section has a yaml example")
	b, ds := questionnaire.Load("README.md", []byte(m[1]))
	require.NotNil(t, b, "the README's bank loads:\n%v", ds)
	assert.Empty(t, ds, "the README's bank has no warnings")
	require.NotEmpty(t, b.Tests)
	for _, r := range scoring.RunTests(b) {
		assert.True(t, r.Pass, "README bank test %q: %v", r.Name, r.Failures)
	}
}

// Every command a person can run is explained in the README.
func TestReadmeNamesEveryCommand(t *testing.T) {
	text := readme(t)
	s, _, _, _ := iostreams.Test()
	root := NewCmdRoot(NewFactory(s))
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" || c.Name() == "version" {
			continue
		}
		assert.Contains(t, text, "candor "+c.Name(), "README mentions `candor %s`", c.Name())
	}
}

// The example summaries in the README are what candor prints: each is the start of an example
// in docs/examples.md, which TestDocsExamples (render) checks against the renderer.
func TestReadmeExampleSummaries(t *testing.T) {
	text := readme(t)
	examples, err := os.ReadFile("../../docs/examples.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(text, "## What you get at the end")
	require.True(t, ok)
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := regexp.MustCompile("(?s)```\n(.*?)\\.\\.\\.\n```").FindAllStringSubmatch(section, -1)
	require.Len(t, blocks, 2, "two example summaries, each ending in ...")
	for _, b := range blocks {
		assert.Contains(t, string(examples), b[1], "a README example is not (any more) what candor prints")
	}
}
