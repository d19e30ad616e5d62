package main

import (
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/data"
	"github.com/candor-app/candor/internal/iostreams"
)

// summaryInSpanish is set once the summary's words (render, the `summary` branch of issue
// 27) come from the catalogue: TestTakeInSpanish then holds the summary on standard output
// to the same rule as the session. Until then English found there is only logged.
const summaryInSpanish = true

// englishWords are common English words no Spanish sentence of candor's has.
var englishWords = regexp.MustCompile(`(?i)\b(the|your|yours|question|questions|answer|answers|answered|and|you|of|to|type|press|saved|file|stop|back|help|skip|again|not|is|are|this|that|what|with|for|look|closer|sources|nothing|yes)\b`)

// runSpanish runs candor in-process as runCandor does, in an environment whose LANG is
// Spanish.
func runSpanish(t *testing.T, dir, stdin string, args ...string) candorRun {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	ios.Getenv = func(k string) string {
		if k == "LANG" {
			return "es_ES.UTF-8"
		}
		return ""
	}
	in.WriteString(stdin)
	f := NewFactory(ios)
	f.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	f.DataDir = func() (string, error) { return filepath.Join(dir, "data"), nil }
	return candorRun{code: Main(args, f), out: out.String(), errOut: errOut.String()}
}

// bankStrings are every text of the Spanish trust-readiness bank, longest first: the
// bank's own words (its sources keep their English titles).
func bankStrings(t *testing.T) []string {
	t.Helper()
	b, ds := data.Builtin("trust-readiness")
	require.NotNil(t, b, "%v", ds)
	var out []string
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		case reflect.String:
			if s := strings.Join(strings.Fields(v.String()), " "); len(s) > 1 {
				out = append(out, s)
			}
		}
	}
	walk(reflect.ValueOf(b.In("es")))
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// commands are what a person types to run candor: a line of its own, or 'quoted'.
var commands = regexp.MustCompile(`(?m)^\s+candor .*$|'candor [^']*'`)

// english is the English words in text once the bank's own words, file paths and commands
// are taken out; text is unwrapped first, so a bank's sentence wrapped over lines is found.
func english(text string, bank []string) []string {
	text = commands.ReplaceAllString(text, " ")
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range bank {
		flat = strings.ReplaceAll(flat, s, " ")
	}
	flat = regexp.MustCompile(`\S*/\S*`).ReplaceAllString(flat, " ") // file paths
	return englishWords.FindAllString(flat, -1)
}

// TestTakeInSpanish: with LANG=es_ES.UTF-8, take asks trust-readiness entirely in Spanish:
// help, answers that are not one, skipping a required question, going back, the review and
// a change in it, stopping and coming back, and a flag shown at once with the offer to
// delete. No English word is on the screen but the bank's own and file paths.
func TestTakeInSpanish(t *testing.T) {
	bank := bankStrings(t)
	require.NotEmpty(t, english("Question 1 of 5: type your answer", bank), "the check finds English")
	dir := t.TempDir()
	save := filepath.Join(dir, "r.yaml")
	runs := []struct {
		name  string
		stdin string
		args  []string
		want  []string
	}{
		{"answered to the end", "?\nno estoy segura\nsí\npúrpura\nprefiero no responder\nsí\ns\n1\n7\n2\nb\n1\n1\n?\n4\n\n\n",
			[]string{"take", "trust-readiness", "--save", save + ".full"},
			[]string{"Hay 5 preguntas.", "Pregunta 1 de 5", "Escribe un número del 1 al 3 (? para ayuda)", "Estas son tus respuestas:", "Tu respuesta: Sí"}},
		{"stopped", "sí\nq\n", []string{"take", "trust-readiness", "--save", save},
			[]string{"Queda guardado. Puedes volver a ello con:"}},
		{"resumed", "sí\n1\n2\nq\n", []string{"take", "--resume", save},
			[]string{"Hola de nuevo.", "Has respondido 1 de 5 preguntas."}},
		{"a flag at once", "no\nq\n", []string{"take", "trust-readiness", "--save", save + ".flag"},
			[]string{"Tus respuestas se guardan en este archivo:", "Escribe d (o borrar) y pulsa Enter para borrarlo"}},
		{"nothing saved", "q\n", []string{"take", "trust-readiness", "--no-save"},
			[]string{"Esta vez tus respuestas no se guardarán (--no-save).", "Paraste antes del final."}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			res := runSpanish(t, dir, r.stdin, r.args...)
			require.Equal(t, 0, res.code, res.errOut)
			for _, w := range r.want {
				assert.Contains(t, strings.Join(strings.Fields(res.errOut), " "), w)
			}
			assert.Empty(t, english(res.errOut, bank), "English on the screen:\n%s", res.errOut)
			if en := english(res.out, bank); len(en) > 0 {
				if summaryInSpanish {
					t.Errorf("English in the summary: %v\n%s", en, res.out)
				} else {
					t.Logf("English in the summary (render's, not yet converted): %v", en)
				}
			}
		})
	}
}

// TestTakeHelpInSpanish: take's help, its flags and why two flags do not go together are
// in the environment's language.
func TestTakeHelpInSpanish(t *testing.T) {
	dir := t.TempDir()
	r := runSpanish(t, dir, "", "take", "--help")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "Hace las preguntas de BANCO (un id incorporado o un archivo; por omisión: trust-readiness)\n")
	assert.Contains(t, r.out, "--save ARCHIVO")
	assert.NotContains(t, r.out, "Ask the questions")
	r = runSpanish(t, dir, "", "take", "--no-save", "--save", "x.yaml")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errOut, "--no-save no guarda nada")
}
