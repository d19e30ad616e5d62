package iostreams

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestColorEnabled(t *testing.T) {
	tests := []struct {
		name string
		tty  bool
		env  map[string]string
		want bool
	}{
		{"terminal", true, nil, true},
		{"not a terminal", false, nil, false},
		{"NO_COLOR set", true, map[string]string{"NO_COLOR": "1"}, false},
		{"NO_COLOR set to anything", true, map[string]string{"NO_COLOR": "0"}, false},
		{"NO_COLOR empty means unset", true, map[string]string{"NO_COLOR": ""}, true},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.Getenv = func(k string) string { return tt.env[k] }
			s.SetTTY(false, tt.tty, tt.tty)
			assert.Equal(t, tt.want, s.ColorEnabled())
			assert.Equal(t, tt.want, s.ColorEnabledStderr())
		})
	}
}

func TestCanShowUnicode(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{nil, true},
		{map[string]string{"LANG": "en_GB.UTF-8"}, true},
		{map[string]string{"LANG": "C.utf8"}, true},
		{map[string]string{"LANG": "C"}, false},
		{map[string]string{"LANG": "POSIX"}, false},
		{map[string]string{"LANG": "de_DE.ISO-8859-1"}, false},
		{map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_CTYPE": "en_US.UTF-8", "LANG": "C"}, true},
	}
	for _, tt := range tests {
		s, _, _, _ := Test()
		s.Getenv = func(k string) string { return tt.env[k] }
		assert.Equal(t, tt.want, s.CanShowUnicode(), "env %v", tt.env)
	}
}

func TestWidth(t *testing.T) {
	s, _, _, _ := Test()
	assert.Equal(t, 80, s.Width(), "80 off a terminal")
	s.SetWidth(120)
	assert.Equal(t, 120, s.Width())
}
