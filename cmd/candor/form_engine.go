package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/web"
	"github.com/candor-app/candor/web/enginebuild"
)

// engineSource chooses the engine the page of `candor form` runs (docs/release.md): a
// release runs the engine embedded in it; anything else runs an engine built from its own
// source, once, kept in the user's cache, so that the page asks and sums up exactly as this
// build of candor does.
type engineSource struct {
	// version is this binary's module version (runtime/debug): a tag for a release,
	// a pseudo-version for `go install …@commit`, "(devel)" for go run and go build.
	version string
	// dir is where candor runs; a candor source tree holding it is the source.
	dir string
	// builtIn is the folder this binary was compiled in (without -trimpath), tried when dir
	// is not in a source tree: `go install ./cmd/candor` from a clone, run elsewhere.
	builtIn string
	// cacheDir is where built engines are kept.
	cacheDir func() (string, error)
	// modCache is the Go module cache (`go env GOMODCACHE`), where `go install …@commit`
	// left the source; "" when there is none.
	modCache func() string
	// build builds the engine of a source tree (enginebuild.Build).
	build func(root string) (*enginebuild.Artifacts, error)
	// released is the embedded engine (web.Released).
	released web.Engine
}

// newEngineSource is the engineSource of this process.
func newEngineSource() engineSource {
	s := engineSource{
		version:  "(devel)",
		cacheDir: enginebuild.UserCacheDir,
		modCache: goModCache,
		build:    enginebuild.Build,
		released: web.Released(),
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		s.version = bi.Main.Version
	}
	s.dir, _ = os.Getwd()
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		s.builtIn = filepath.Dir(file)
	}
	return s
}

// goModCache is `go env GOMODCACHE`, or "" without a Go toolchain.
func goModCache() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

var (
	releaseVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`) // words:none: a pattern
	pseudoVersion  = regexp.MustCompile(`(^|[.-])\d{14}-[0-9a-f]{12}$`)       // words:none: a pattern
)

// isRelease reports whether version is a release tag's (not a pseudo-version, not a build
// with uncommitted changes).
func isRelease(version string) bool {
	return releaseVersion.MatchString(version) && !pseudoVersion.MatchString(version)
}

// engine is the engine to put in the page; what it says to the person running candor (a
// developer, for anything but a release) goes to errOut.
func (s engineSource) engine(errOut io.Writer) web.Engine {
	if isRelease(s.version) {
		return s.released
	}
	root, err := enginebuild.Root(s.dir)
	if err != nil && s.builtIn != "" {
		if r, e := enginebuild.Root(s.builtIn); e == nil {
			root, err = r, nil
		}
	}
	if err != nil && pseudoVersion.MatchString(s.version) {
		if mc := s.modCache(); mc != "" {
			dir := filepath.Join(mc, enginebuild.ModulePath+"@"+s.version)
			if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
				root, err = dir, nil
			}
		}
	}
	if err != nil {
		fmt.Fprintln(errOut, "Note: this candor was not built from a release, and its source is not here, so the page runs") // words:none: for developers, building candor from its source
		fmt.Fprintln(errOut, "the engine of the last release, which may differ from this build. Run `candor form` inside")   // words:none: for developers, building candor from its source
		fmt.Fprintln(errOut, "candor's source folder to build one that matches.")                                            // words:none: for developers, building candor from its source
		return s.released
	}
	digest, err := enginebuild.SourceDigest(root)
	if err == nil && digest == s.released.Sources {
		return s.released
	}
	var a *enginebuild.Artifacts
	if err == nil {
		var cache string
		if cache, err = s.cacheDir(); err == nil {
			a, _, err = enginebuild.Cached(cache, digest, func() (*enginebuild.Artifacts, error) {
				fmt.Fprintf(errOut, "Building the page engine from the source in %s, once (it is kept in %s)…\n", // words:none: for developers, building candor from its source
					text.Sanitize(root), text.Sanitize(cache))
				return s.build(root)
			})
		}
	}
	if err != nil {
		fmt.Fprintf(errOut, "Note: cannot build the page engine from the source in %s (%s), so the page runs the\n", // words:none: for developers, building candor from its source
			text.Sanitize(root), text.Sanitize(firstLine(err.Error())))
		fmt.Fprintln(errOut, "engine of the last release, which may differ from this build.") // words:none: for developers, building candor from its source
		return s.released
	}
	return web.Built(a)
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
