package store

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultDir: $CANDOR_DATA_DIR, else an absolute $XDG_DATA_HOME, else the home folder's
// place; no home folder is an error, which the store says as NoDataDir.
func TestDefaultDir(t *testing.T) {
	home := t.TempDir()
	for _, tc := range []struct {
		name, candor, xdg, want string
	}{
		{name: "candor's own", candor: "/srv/answers", xdg: "/xdg", want: "/srv/answers"},
		{name: "xdg", xdg: "/xdg", want: filepath.Join("/xdg", "candor")},
		{name: "relative xdg is ignored", xdg: "xdg", want: filepath.Join(home, ".local", "share", "candor")},
		{name: "home", want: filepath.Join(home, ".local", "share", "candor")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if runtime.GOOS != "linux" && tc.candor == "" && tc.xdg != "/xdg" {
				t.Skip("the home folder's place is another on " + runtime.GOOS)
			}
			t.Setenv("CANDOR_DATA_DIR", tc.candor)
			t.Setenv("XDG_DATA_HOME", tc.xdg)
			t.Setenv("HOME", home)
			got, err := DefaultDir()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}

	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv("CANDOR_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	_, err := DefaultDir()
	require.Error(t, err, "no home folder")
	_, err = New(DefaultDir).Dir()
	requireCode(t, err, NoDataDir)
}
