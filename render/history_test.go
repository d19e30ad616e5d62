package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
	"github.com/candor-app/candor/scoring"
	"github.com/candor-app/candor/words"
)

func historyEntry(t *testing.T, b *questionnaire.Bank, file string, started, updated time.Time, answers map[string]any) HistoryEntry {
	t.Helper()
	side := compareSide(t, b, "", answers)
	return HistoryEntry{
		Response: &questionnaire.Response{File: file, Started: started, Updated: updated, Status: questionnaire.Completed},
		Result:   side.Result,
	}
}

func day(d int) time.Time { return time.Date(2026, 10, d, 9, 0, 0, 0, time.UTC) }

func files(es []HistoryEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.file())
	}
	return out
}

func TestSortHistory(t *testing.T) {
	b := templateBank(t)
	a := map[string]any{"feel_safe": true}
	tests := []struct {
		name    string
		entries []HistoryEntry
		want    []string
	}{
		{"by start date, whatever the order given", []HistoryEntry{
			historyEntry(t, b, "c", day(20), day(20), a),
			historyEntry(t, b, "a", day(1), day(1), a),
			historyEntry(t, b, "b", day(10), day(10), a),
		}, []string{"a", "b", "c"}},
		{"same start: last updated later", []HistoryEntry{
			historyEntry(t, b, "a", day(5), day(9), a),
			historyEntry(t, b, "b", day(5), day(6), a),
		}, []string{"b", "a"}},
		{"same times: by file name", []HistoryEntry{
			historyEntry(t, b, "z", day(5), day(5), a),
			historyEntry(t, b, "m", day(5), day(5), a),
		}, []string{"m", "z"}},
		{"no start: by last updated", []HistoryEntry{
			historyEntry(t, b, "late", time.Time{}, day(9), a),
			historyEntry(t, b, "early", time.Time{}, day(2), a),
		}, []string{"early", "late"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sortHistory(tc.entries)
			assert.Equal(t, tc.want, files(tc.entries))
		})
	}
}

// TestHistoryDates: a response is labelled by its day as the reader's language writes it,
// with the time of day (UTC, as the JSON and CSV) only when two responses share a day, so
// that each label still names one response.
func TestHistoryDates(t *testing.T) {
	b := templateBank(t)
	a := map[string]any{"feel_safe": true}
	at := func(d, h, m int) time.Time { return time.Date(2026, 9, d, h, m, 0, 0, time.UTC) }
	entry := func(started time.Time) HistoryEntry { return historyEntry(t, b, "", started, time.Time{}, a) }
	tests := []struct {
		name, lang string
		entries    []HistoryEntry
		want       []string
	}{
		{"different days", "en", []HistoryEntry{entry(at(1, 9, 0)), entry(at(22, 9, 0))}, []string{"1 Sep 2026", "22 Sep 2026"}},
		{"different days, in Spanish", "es", []HistoryEntry{entry(at(1, 9, 0)), entry(at(22, 9, 0))}, []string{"1 sept 2026", "22 sept 2026"}},
		{"two on one day: every label with its time", "en", []HistoryEntry{entry(at(1, 9, 0)), entry(at(8, 9, 10)), entry(at(8, 17, 30))},
			[]string{"1 Sep 2026, 09:00", "8 Sep 2026, 09:10", "8 Sep 2026, 17:30"}},
		{"two on one day, in Spanish", "es", []HistoryEntry{entry(at(8, 9, 10)), entry(at(8, 17, 30))}, []string{"8 sept 2026, 09:10", "8 sept 2026, 17:30"}},
		{"the day in UTC", "en", []HistoryEntry{entry(time.Date(2026, 9, 1, 23, 30, 0, 0, time.FixedZone("", -3*3600)))}, []string{"2 Sep 2026"}},
		{"no date", "es", []HistoryEntry{entry(time.Time{}), entry(time.Time{}), entry(at(1, 9, 0))}, []string{"sin fecha", "sin fecha", "1 sept 2026"}},
		{"last updated when not started", "en", []HistoryEntry{historyEntry(t, b, "", time.Time{}, at(3, 9, 0), a)}, []string{"3 Sep 2026"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, historyDates(words.For(tc.lang), tc.entries))
		})
	}
}

// Two responses of one day, in every format a person reads: the time tells them apart.
func TestHistorySameDayShowsTheTime(t *testing.T) {
	b := templateBank(t)
	entries := []HistoryEntry{
		historyEntry(t, b, "b.yaml", time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), time.Time{}, fullAnswers),
		historyEntry(t, b, "a.yaml", time.Date(2026, 10, 20, 18, 45, 0, 0, time.UTC), time.Time{}, fullAnswers),
	}
	for _, f := range []string{"text", "markdown", "html"} {
		for lang, want := range map[string][]string{"en": {"20 Oct 2026, 09:00", "20 Oct 2026, 18:45"}, "es": {"20 oct 2026, 09:00", "20 oct 2026, 18:45"}} {
			t.Run(f+"/"+lang, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: f, Width: 80, Words: words.For(lang)}))
				out := buf.String()
				assert.Less(t, strings.Index(out, want[0]), strings.Index(out, want[1]), "oldest first, each with its time")
				assert.NotContains(t, out, "2026-10-20", "no ISO date for a person")
			})
		}
	}
}

func historySet(t *testing.T) (*questionnaire.Bank, []HistoryEntry) {
	b := templateBank(t)
	return b, []HistoryEntry{
		historyEntry(t, b, "=later.yaml", day(20), day(20), map[string]any{
			"feel_safe": true, "feel_heard": 5.0, "still_hurts": 1.0, "honest_talks": "often", "closeness": 7.0,
			"support_from": []any{"friends", "family", "counselor"}}),
		historyEntry(t, b, "first.yaml", day(1), day(1), map[string]any{
			"feel_safe": false, "feel_heard": 2.0, "still_hurts": 5.0, "honest_talks": "never", "closeness": 2.0,
			"support_from": []any{"nobody"}}),
	}
}

func TestHistoryCSV(t *testing.T) {
	b, entries := historySet(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "csv"}))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"date", "file", "respondent", "started", "updated", "status", "connection_value", "connection_band", "heard_value", "heard_band", "support_value", "support_band", "flags", "outcome", "outcome_open_on", "unanswered_safety", "safety"}, rows[0])
	// The first said they were not safe: its bands stay exact for the counselor, the flags
	// column says so, urgent first, and the safety column marks the row.
	assert.Equal(t, []string{"2026-10-01T09:00:00Z", "first.yaml", "", "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z", "in-progress", "7", "Still finding your feet", "1.5", "Not yet", "0", "Carrying a lot alone", "not_safe hurt_is_heavy little_support", "safety_first", "", "", "unsafe"}, rows[1])
	assert.Equal(t, "Strong connection", rows[2][7])
	assert.Equal(t, "", rows[2][16], "a safe response is not marked")
	assert.Equal(t, "'=later.yaml", rows[2][1], "text a spreadsheet would run as a formula is quoted")
	assert.Equal(t, "26", rows[2][6])
}

func TestHistoryJSON(t *testing.T) {
	b, entries := historySet(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "json"}))
	var got []struct {
		Date   time.Time      `json:"date"`
		File   string         `json:"file"`
		Result scoring.Result `json:"result"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Len(t, got, 2)
	assert.Equal(t, "first.yaml", got[0].File)
	assert.True(t, got[0].Date.Equal(day(1)))
	assert.Equal(t, "not_safe", got[0].Result.Flags[0].ID)
	assert.Equal(t, 26.0, *got[1].Result.Scores[0].Value)
}

func TestHistoryText(t *testing.T) {
	b, entries := historySet(t)
	for _, ascii := range []bool{false, true} {
		var buf bytes.Buffer
		require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "text", Width: 80, ASCII: ascii}))
		out := buf.String()
		name := "history/template.txt"
		if ascii {
			name = "history/template-ascii.txt"
			for _, r := range out {
				require.Less(t, r, rune(128), "ASCII output has %q", r)
			}
		}
		golden(t, name, out)
		assert.Less(t, strings.Index(out, "Flags"), strings.Index(out, "Scores by date"), "flags come first")
		assert.Less(t, strings.Index(out, "  1 Oct 2026"), strings.Index(out, "  20 Oct 2026"), "oldest first")
		for _, l := range strings.Split(out, "\n") {
			assert.LessOrEqual(t, text.Width(l), 80, "line too wide: %q", l)
		}
	}
}

// Narrow terminals still get every value, on its own line if need be.
func TestHistoryTextNarrow(t *testing.T) {
	b, entries := historySet(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "text", Width: 30}))
	out := buf.String()
	for _, l := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, text.Width(l), 30, "line too wide: %q", l)
	}
	flat := strings.Join(strings.Fields(out), " ")
	assert.Contains(t, flat, "26 Strong connection")
	assert.Contains(t, flat, "Connection: 7 (urgent flag)", "history is for the counselor: every score, after the flags, marked instead of banded")
}

// The longer dates (a day in words, with the time when two responses share a day) still
// fit the narrowest terminal: a date without room beside it goes on a line of its own, above
// its flags and its bar.
func TestHistoryTextNarrowWithLongDates(t *testing.T) {
	b := templateBank(t)
	entries := []HistoryEntry{
		historyEntry(t, b, "sam-1.yaml", time.Date(2026, 9, 20, 9, 0, 0, 0, time.UTC), time.Time{}, unsafeAnswers()),
		historyEntry(t, b, "sam-2.yaml", time.Date(2026, 9, 20, 18, 45, 0, 0, time.UTC), time.Time{}, fullAnswers),
	}
	for _, lang := range []string{"en", "es"} {
		for _, width := range []int{text.MinWidth, 24, 30, 40} {
			t.Run(fmt.Sprintf("%s/%d", lang, width), func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "text", Width: width, Words: words.For(lang)}))
				for _, l := range strings.Split(buf.String(), "\n") {
					assert.LessOrEqual(t, text.Width(l), width, "line too wide: %q", l)
				}
				flat := strings.Join(strings.Fields(buf.String()), " ")
				assert.Contains(t, flat, "19 Some solid ground")
				assert.Contains(t, flat, map[string]string{"en": "20 Sep 2026, 18:45", "es": "20 sept 2026, 18:45"}[lang])
			})
		}
	}
}

// weeklyEntry is one week's response to the weekly-check test bank, started on day d.
func weeklyEntry(t *testing.T, b *questionnaire.Bank, d int, answers map[string]any) HistoryEntry {
	t.Helper()
	return historyEntry(t, b, fmt.Sprintf("week-%02d.yaml", d), day(d), day(d), answers)
}

// unsafeWeeks is four weeks of one person's check-ins: the third answered not safe with
// every statement at its best (100%, the highest score of all), the fourth safe again.
func unsafeWeeks(t *testing.T) (*questionnaire.Bank, []HistoryEntry) {
	b := loadBank(t, "weekly-check.yaml")
	return b, []HistoryEntry{
		weeklyEntry(t, b, 1, map[string]any{"feel_safe": true, "kept_word": 2.0, "hurtful_surprise": 6.0}),
		weeklyEntry(t, b, 8, map[string]any{"feel_safe": true, "kept_word": 4.0, "hurtful_surprise": 4.0}),
		weeklyEntry(t, b, 15, map[string]any{"feel_safe": false, "kept_word": 7.0, "hurtful_surprise": 1.0}),
		weeklyEntry(t, b, 22, map[string]any{"feel_safe": true, "kept_word": 5.0, "hurtful_surprise": 3.0}),
	}
}

// openWeeks is the same person, the latest week with the safety question skipped.
func openWeeks(t *testing.T) (*questionnaire.Bank, []HistoryEntry) {
	b := loadBank(t, "weekly-check.yaml")
	return b, []HistoryEntry{
		weeklyEntry(t, b, 1, map[string]any{"feel_safe": true, "kept_word": 2.0, "hurtful_surprise": 6.0}),
		weeklyEntry(t, b, 8, map[string]any{"feel_safe": true, "kept_word": 4.0, "hurtful_surprise": 4.0}),
		weeklyEntry(t, b, 15, map[string]any{"kept_word": 7.0, "hurtful_surprise": 1.0}),
	}
}

// A week answered not safe, or with its safety question open, is never a peak nor a step in
// the trend: its value stays, marked, without its band; its bar is not drawn; the change
// from the first to the latest counts the other weeks, and one line says so
// (docs/spec.md §4).
func TestHistoryMarksUnsafeWeeks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		set     func(*testing.T) (*questionnaire.Bank, []HistoryEntry)
		mark    string
		change  string
		notBand string
	}{
		{"unsafe-week", unsafeWeeks, "100% (urgent flag)", "up 50 points, from 17% to 67%", "100% Steadier"},
		{"safety-open", openWeeks, "100% (safety question open)", "up 33 points, from 17% to 50%", "100% Steadier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, entries := tc.set(t)
			for _, f := range []string{"txt", "md"} {
				format := map[string]string{"txt": "text", "md": "markdown"}[f]
				var buf bytes.Buffer
				require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: format, Width: 80}))
				out := buf.String()
				golden(t, "history/"+tc.name+"."+f, out)
				assert.Contains(t, out, tc.mark)
				assert.NotContains(t, out, tc.notBand, "no band beside the mark")
				assert.Contains(t, out, "From the first to the latest: "+tc.change+".")
				assert.Contains(t, flat(out), "are left out of the bars and of the change from the first to the latest.")
			}
		})
	}
}

// The chart draws no bar for a marked week, so it is never the peak.
func TestHistoryChartDrawsNoBarForAMarkedWeek(t *testing.T) {
	b, entries := unsafeWeeks(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "text", Width: 80}))
	chart := buf.String()[strings.Index(buf.String(), "Trust this week (0% to 100%)"):]
	for _, l := range strings.Split(chart, "\n") {
		if strings.HasPrefix(l, "  2026-10-15  ") {
			assert.NotContains(t, l, "█", "the week answered not safe has no bar: %q", l)
			assert.True(t, strings.HasSuffix(l, "100% (urgent flag)"), l)
		}
		if strings.HasPrefix(l, "  2026-10-22  ") {
			assert.Contains(t, l, "█", "a safe week keeps its bar")
		}
	}
}

// JSON marks each response; CSV has a safety column; both keep the exact band.
func TestHistoryMarksInJSONAndCSV(t *testing.T) {
	for _, tc := range []struct {
		name         string
		set          func(*testing.T) (*questionnaire.Bank, []HistoryEntry)
		unsafe, open []bool
		cells        []string
	}{
		{"unsafe", unsafeWeeks, []bool{false, false, true, false}, []bool{false, false, false, false}, []string{"", "", "unsafe", ""}},
		{"open", openWeeks, []bool{false, false, false}, []bool{false, false, true}, []string{"", "", "open"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, entries := tc.set(t)
			var buf bytes.Buffer
			require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "json"}))
			var got []map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
			require.Len(t, got, len(tc.unsafe))
			for i, rec := range got {
				assert.Equal(t, tc.unsafe[i], rec["unsafe"], "record %d", i)
				assert.Equal(t, tc.open[i], rec["safety_open"], "record %d", i)
			}
			marked := got[2]["result"].(map[string]any)["scores"].([]any)[0].(map[string]any)
			assert.Equal(t, 100.0, marked["value"])
			assert.Equal(t, "Steadier", marked["band"], "JSON keeps the exact band, for clinical use")

			buf.Reset()
			require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "csv"}))
			rows, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			require.Equal(t, "safety", rows[0][len(rows[0])-1])
			for i, row := range rows[1:] {
				assert.Equal(t, tc.cells[i], row[len(row)-1], "row %d", i)
			}
		})
	}
}
