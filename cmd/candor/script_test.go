package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
	"github.com/candor-app/candor/internal/testutil"
	"github.com/candor-app/candor/web/enginebuild"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"candor": func() { os.Exit(Main(os.Args[1:], NewFactory(iostreams.System()))) },
	})
}

// TestScripts runs testdata/script/*.txtar: the CLI as a person or a script uses it.
// Each script runs in a fresh folder with HOME and XDG_DATA_HOME inside it, so nothing it
// saves leaves the test.
func TestScripts(t *testing.T) {
	// Every script shares the user's cache of page engines: `candor form` builds the engine
	// of these sources once for each state of them (docs/release.md), not once per script or
	// per run; it is built here, before the scripts run side by side, so that no two build it.
	_, err := enginebuild.CachedTree(".")
	require.NoError(t, err)
	cache, err := os.UserCacheDir()
	require.NoError(t, err)
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: testutil.Update(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/home/.local/share")
			env.Setenv("XDG_CACHE_HOME", cache)
			env.Setenv("NO_COLOR", "")
			env.Setenv("LANG", "C.UTF-8")
			return nil
		},
	})
}
