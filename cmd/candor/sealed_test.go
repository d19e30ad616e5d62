package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/internal/sealed"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/words"
)

// needAge returns the age command-line tool (Debian's age package), skipping without it,
// except under CI, where it must be there (.ci/run installs it).
func needAge(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("age")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no age tool found, and CI is set: install the age package (.ci/run does)")
		}
		t.Skip("no age tool found (install the age package); these tests run under CI")
	}
	return p
}

const sealedResponse = `candor: 1
kind: response
bank: {id: trust-readiness, version: 3.0.0}
status: completed
started: 2026-11-22T09:00:00Z
updated: 2026-11-22T09:04:10Z
answers:
  feel_safe: true
  could_say_no: true
  want_to_trust: yes
  love_outweighs_pain: true
  could_survive: false
`

// Files candor writes open with `age -d -i`; files the age tool writes (binary and armored)
// open with candor, with a key from candor or from age-keygen.
func TestSealedInteropWithTheAgeTool(t *testing.T) {
	ageBin := needAge(t)
	dir := t.TempDir()
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		require.NoError(t, err, "%s %v: %s", name, args, stderr.String())
		return string(out)
	}

	r := runCandor(t, dir, "", "keys", "new", "-o", filepath.Join(dir, "key.txt"))
	require.Equal(t, 0, r.code, r.errOut)
	recipient := strings.TrimSpace(r.out)

	// candor -> age
	r = runCandor(t, dir, "y\ny\ny\nn\ny\n\n\n", "take", "--to", recipient, "--save", filepath.Join(dir, "r.yaml"))
	require.Equal(t, 0, r.code, r.errOut)
	plain, err := os.ReadFile(filepath.Join(dir, "r.yaml"))
	require.NoError(t, err)
	assert.Equal(t, string(plain), run(ageBin, "-d", "-i", "key.txt", "r.age"))

	// age -> candor, binary and armored, with candor's key
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(sealedResponse), 0o600))
	run(ageBin, "-r", recipient, "-o", "bin.age", "a.yaml")
	run(ageBin, "-a", "-r", recipient, "-o", "armored.txt", "a.yaml")
	r = runCandor(t, dir, "", "score", "--format", "csv", "--identity", filepath.Join(dir, "key.txt"),
		filepath.Join(dir, "bin.age"), filepath.Join(dir, "armored.txt"))
	require.Equal(t, 0, r.code, r.errOut)
	assert.Equal(t, 2, strings.Count(r.out, ",completed,2,Two of three,"), r.out)

	// a key made by age-keygen
	if keygen, err := exec.LookPath("age-keygen"); err == nil {
		run(keygen, "-o", "theirs.txt")
		theirs := strings.TrimSpace(run(keygen, "-y", "theirs.txt"))
		run(ageBin, "-r", theirs, "-o", "theirs.age", "a.yaml")
		r = runCandor(t, dir, "", "score", "--format", "csv", "--identity", filepath.Join(dir, "theirs.txt"), filepath.Join(dir, "theirs.age"))
		require.Equal(t, 0, r.code, r.errOut)
		assert.Contains(t, r.out, ",completed,2,Two of three,")
	}
}

// A passphrase-encrypted file is opened after asking for the passphrase at the terminal.
func TestScoreAsksForAPassphrase(t *testing.T) {
	dir := t.TempDir()
	// made with: age -p -a (passphrase "correct horse", work factor 10)
	src, err := os.ReadFile(filepath.Join("testdata", "script", "score_sealed.txtar"))
	require.NoError(t, err)
	pass := section(t, string(src), "pass.age")
	path := filepath.Join(dir, "pass.age")
	require.NoError(t, os.WriteFile(path, []byte(pass), 0o600))

	for _, c := range []struct {
		name  string
		typed string
		err   error
		want  string
		code  int
	}{
		{name: "right", typed: "correct horse", want: ",2,Two of three,"}, // a response to the second edition, made by age -p,
		{name: "wrong", typed: "incorrect horse", code: 1, want: "the file is locked with a passphrase, and the one typed does not open it"},
		{name: "not typed", err: errors.New("read error"), code: 1, want: "the file is locked with a passphrase, and none was typed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			asked := 0
			ios.PasswordReader = func() ([]byte, error) {
				asked++
				return []byte(c.typed), c.err
			}
			f := NewFactory(ios)
			f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
			code := Main([]string{"score", "--format", "csv", path}, f)
			assert.Equal(t, c.code, code, errOut.String())
			assert.Equal(t, 1, asked)
			assert.Contains(t, errOut.String(), "pass.age is locked with a passphrase. Type it (it is not shown) and press Enter: ")
			assert.Contains(t, out.String()+errOut.String(), c.want)
			if c.typed != "" {
				assert.NotContains(t, errOut.String(), c.typed, "the passphrase is not echoed")
			}
		})
	}
}

// section is the text of a file in a txtar archive.
func section(t *testing.T, archive, name string) string {
	t.Helper()
	_, rest, ok := strings.Cut(archive, "\n-- "+name+" --\n")
	require.True(t, ok, name)
	if i := strings.Index(rest, "\n-- "); i >= 0 {
		rest = rest[:i+1]
	}
	return rest
}

// Decryption happens in memory: under strace, score opens nothing for writing (no temporary
// file) and writes only its summary, to standard output.
func TestScoreWritesNothingDecryptedToDisk(t *testing.T) {
	straceBin, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("needs strace")
	}
	bin, err := exec.LookPath("candor")
	require.NoError(t, err)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "script", "score_sealed.txtar"))
	require.NoError(t, err)
	for _, name := range []string{"key.txt", "a.age"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(section(t, string(src), name)), 0o600))
	}
	trace := filepath.Join(dir, "trace.txt")
	cmd := exec.Command(straceBin, "-f", "-s", "100000", "-e", "trace=openat,open,creat,write,pwrite64,writev,rename,renameat,renameat2,link,linkat",
		"-o", trace, bin, "score", "--identity", "key.txt", "a.age")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(string(out), "ptrace") {
		t.Skipf("strace cannot trace here: %s", out)
	}
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), "Am I ready to start trusting again?")
	raw, err := os.ReadFile(trace)
	require.NoError(t, err)
	opened := false
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.Contains(line, `"a.age"`) {
			opened = true
		}
		for _, bad := range []string{"O_WRONLY", "O_RDWR", "O_CREAT", "creat(", "rename", "link("} {
			assert.NotContains(t, line, bad, "nothing is opened for writing")
		}
		if strings.Contains(line, "write") {
			assert.NotContains(t, line, "kind: response", "the opened response is never written")
			assert.NotContains(t, line, "feel_safe")
			assert.Regexp(t, `^\d+\s+(write|writev)\((1|2), |^\d+\s+<\.\.\. write`, line, "writes go to stdout and stderr only")
		}
	}
	assert.True(t, opened, "the trace saw the file opened:\n%s", raw)
}

// A response near the 4 MiB limit is still read once encrypted and armored (a third larger);
// what is inside is held to 4 MiB.
func TestScoreReadsALargeEncryptedResponse(t *testing.T) {
	dir := t.TempDir()
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	key := filepath.Join(dir, "key.txt")
	require.NoError(t, os.WriteFile(key, []byte(id.String()+"\n"), 0o600))
	pad := strings.Repeat("# "+strings.Repeat("x", 78)+"\n", (questionnaire.MaxFileSize-len(sealedResponse)-100)/81)
	for _, c := range []struct {
		name, plain string
		code        int
		want        string
	}{
		{name: "under", plain: sealedResponse + pad, want: ",completed,2,Two of three,"},
		{name: "over", plain: sealedResponse + pad + strings.Repeat("#\n", 100), code: 1, want: "what the encrypted file holds is larger than 4 MiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := sealed.Seal([]byte(c.plain), []age.Recipient{id.Recipient()})
			require.NoError(t, err)
			require.Greater(t, len(out), questionnaire.MaxFileSize)
			path := filepath.Join(dir, c.name+".age")
			require.NoError(t, os.WriteFile(path, out, 0o600))
			r := runCandor(t, dir, "", "score", "--format", "csv", "--identity", key, path)
			assert.Equal(t, c.code, r.code, r.errOut)
			assert.Contains(t, r.out+r.errOut, c.want)
		})
	}
}

// TestTooLargePlainFileIsNotCalledEncrypted: a plain response over the limit of an
// encrypted one is refused as a plain file, with a plain file's limit, in the reader's words.
func TestTooLargePlainFileIsNotCalledEncrypted(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte("# a comment line of a response\n"), questionnaire.MaxSealedFileSize/30+10), 0o600))
	o := &opener{}
	_, err := o.read(big)
	require.ErrorIs(t, err, questionnaire.ErrTooLarge)
	assert.Equal(t, "el archivo ocupa más de 4 MiB; candor lee cuestionarios y respuestas de ese tamaño como mucho", fileProblem(words.For("es"), err))
}
