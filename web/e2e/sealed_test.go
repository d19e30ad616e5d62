package e2e

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/web"
)

// sealedPage writes the page of trust-readiness with the counselor's key, as
// `candor form trust-readiness --to KEY [--encrypted-only]` does.
func sealedPage(t *testing.T, recipient string, encryptedOnly bool) string {
	t.Helper()
	b, raw, _ := bankFor(t, "trust-readiness")
	path := filepath.Join(t.TempDir(), "page.html")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, web.Write(f, b, raw, web.Options{Recipients: []string{recipient}, EncryptedOnly: encryptedOnly}, pageEngine(t)))
	require.NoError(t, f.Close())
	return "file://" + path
}

// TestEnginesFromSource: the engine built from these sources comes in two (web/enginebuild):
// the one a page without keys carries has no age in it, and is at least 250 KB smaller
// gzipped than the one with encryption, which a page with keys carries; and the pages' sizes.
func TestEnginesFromSource(t *testing.T) {
	eng := pageEngine(t)
	unpack := func(gz []byte) []byte {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		require.NoError(t, err)
		wasm, err := io.ReadAll(zr)
		require.NoError(t, err)
		return wasm
	}
	const ageHeader = "age-encryption.org/v1"
	assert.False(t, bytes.Contains(unpack(eng.Gz), []byte(ageHeader)), "the engine without encryption holds age")
	assert.True(t, bytes.Contains(unpack(eng.SealedGz), []byte(ageHeader)), "the engine with encryption holds no age")
	assert.Greater(t, len(eng.SealedGz)-len(eng.Gz), 250_000, "plain %d bytes, with encryption %d", len(eng.Gz), len(eng.SealedGz))
	key := "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"
	assert.Equal(t, eng.Gz, eng.For(web.Options{}))
	assert.Equal(t, eng.SealedGz, eng.For(web.Options{Recipients: []string{key}}))

	// Issue 24: the page is not above 3.25 MB; the one with encryption carries 300 KB more
	// gzipped, 340 KB more in the page (7 bits a character), and is allowed 3.5 MB.
	size := func(url string) int64 {
		st, err := os.Stat(strings.TrimPrefix(url, "file://"))
		require.NoError(t, err)
		return st.Size()
	}
	plain, sealed := size(formPage(t, "trust-readiness", web.Options{})), size(sealedPage(t, key, false))
	t.Logf("trust-readiness: %d bytes, %d with encryption", plain, sealed)
	assert.Less(t, plain, int64(3_250_000))
	assert.Less(t, sealed, int64(3_500_000))
}

// The counselor makes a key and a page with it; the person answers and presses "Send to my
// counselor"; the file it downloads is armored age, which `candor score --identity` (and the
// age tool, when installed) opens.
func TestPageSendsTheAnswersEncrypted(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	dir := t.TempDir()
	key := filepath.Join(dir, "key.txt")
	out, _ := candor(t, "", "keys", "new", "-o", key)
	recipient := strings.TrimSpace(out)

	open(t, ctx, sealedPage(t, recipient, false))
	s := read(t, ctx)
	assert.Contains(t, s.Main, "At the end, \u201cSend to my counselor\u201d saves them in a file only your counselor can open.")
	click(t, ctx, "Begin")
	for range 5 {
		pick(t, ctx, "Yes")
	}
	click(t, ctx, "Show my summary")
	s = read(t, ctx)
	assert.Contains(t, s.Buttons, "Send to my counselor")
	assert.Contains(t, s.Buttons, "Download my answers")
	assert.Contains(t, s.Main, "\u201cSend to my counselor\u201d saves your answers in a file that only your counselor can open")
	assert.Contains(t, s.Main, "\u201cDownload my answers\u201d saves a copy you can read, to continue later on this page.")

	dl := t.TempDir()
	setDownloads(t, ctx, dl)
	name, got := downloadWith(t, ctx, dl, "Send to my counselor")
	assert.Regexp(t, regexp.MustCompile(`^candor-answers-\d{8}\.age$`), name)
	assert.True(t, strings.HasPrefix(string(got), "-----BEGIN AGE ENCRYPTED FILE-----\n"))
	assert.NotContains(t, string(got), "feel_safe")
	assert.Contains(t, read(t, ctx).Status, "which only your counselor can open")

	file := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(file, got, 0o600))
	result, _ := candor(t, "", "score", "--identity", key, "--format", "json", file)
	assert.Contains(t, result, `"status": "completed"`)
	assert.Contains(t, result, `"band": "All three"`)

	if ageBin, err := exec.LookPath("age"); err == nil {
		plain, err := exec.Command(ageBin, "-d", "-i", key, file).Output()
		require.NoError(t, err)
		assert.Contains(t, string(plain), "kind: response")
		assert.Contains(t, string(plain), "feel_safe: true")
	}
}

// With --encrypted-only, the plain download is gone: the answers leave the page encrypted only.
func TestPageEncryptedOnly(t *testing.T) {
	ctx := NewBrowser(t).Tab(t)
	open(t, ctx, sealedPage(t, "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", true))
	assert.True(t, eval[bool](t, ctx, `document.getElementById('download').hidden`), "the header's download is hidden")
	assert.NotContains(t, read(t, ctx).Main, "Download my answers")
	click(t, ctx, "Begin")
	for range 5 {
		pick(t, ctx, "Yes")
	}
	click(t, ctx, "Show my summary")
	s := read(t, ctx)
	assert.Contains(t, s.Buttons, "Send to my counselor")
	assert.NotContains(t, s.Main, "Download my answers")
}
