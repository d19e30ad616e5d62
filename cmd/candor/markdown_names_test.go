package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
)

// TestMarkdownFileNamesAreText: a response's file name is text from outside, escaped in
// markdown as every other field is. Rendered by a CommonMark renderer that lets raw HTML and
// any link through (goldmark, unsafe), no name becomes an element or a link
// (issue 22, docs/hostile-inputs.md).
func TestMarkdownFileNamesAreText(t *testing.T) {
	dir := t.TempDir()
	clients := filepath.Join(dir, "clients")
	require.NoError(t, os.MkdirAll(clients, 0o700))
	names := []string{
		"<img src=x onerror=alert(1)>.yaml",
		"[click me](javascript:alert(1)).yaml",
		"a`<img src=y onerror=alert(2)>`.yaml",
		"<mailto:x@example.invalid>.yaml",
		"**loud**_x_.yaml",
	}
	var files []string
	for i, n := range names {
		day := string(rune('1' + i))
		resp := strings.ReplaceAll(savedResponse, "2026-11-01", "2026-11-0"+day)
		p := filepath.Join(clients, n)
		require.NoError(t, os.WriteFile(p, []byte(resp), 0o600))
		files = append(files, p)
	}
	md := goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))
	for _, args := range [][]string{
		{"score", "--format", "markdown", clients},
		{"score", "--format", "markdown", files[0]},
		{"score", "--format", "markdown", files[1]},
		{"score", "--format", "markdown", files[2]},
		{"compare", "--format", "markdown", files[0], files[1]},
		{"compare", "--format", "markdown", files[2], files[3]},
		{"history", "--format", "markdown", files[0], files[1], files[2], files[3], files[4]},
	} {
		r := runCandor(t, dir, "", args...)
		require.Contains(t, []int{0, 1}, r.code, r.errOut)
		require.NotEmpty(t, r.out, "%v: %s", args, r.errOut)
		var out bytes.Buffer
		require.NoError(t, md.Convert([]byte(r.out), &out))
		page := out.String()
		for _, bad := range []string{"<img", "href=\"javascript:", "href=\"mailto:", "<strong>loud"} {
			if i := strings.Index(page, bad); i >= 0 {
				t.Errorf("%v: rendered, the markdown holds %q: …%s…", args[:3], bad, page[max(i-60, 0):min(i+60, len(page))])
			}
		}
	}
}
