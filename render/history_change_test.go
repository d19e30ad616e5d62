package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/text"
	"github.com/candor-app/candor/questionnaire"
)

// outcomeWeeks are twelve weekly responses to testdata/banks/outcome-measure.yaml:
// distress (four 0-4 items) falls, trust (two 1-7 items) rises; week 5 is answered not
// safe, week 9 a hard week that raises the trust alert.
func outcomeWeeks(t *testing.T) (*questionnaire.Bank, []HistoryEntry) {
	return outcomeWeeksOf(t, "outcome-measure.yaml")
}

// outcomeWeeksOf are the same twelve weeks answered to bank file name, outcome-measure.yaml
// or its Spanish outcome-measure-es.yaml.
func outcomeWeeksOf(t *testing.T, name string) (*questionnaire.Bank, []HistoryEntry) {
	b := loadBank(t, name)
	weeks := []struct {
		safe                       bool
		worry, sleep, alone, tense float64
		countOn, honest            float64
	}{
		{true, 4, 3, 3, 4, 2, 3},
		{true, 3, 3, 3, 3, 3, 3},
		{true, 3, 3, 2, 3, 3, 4},
		{true, 3, 2, 2, 3, 4, 4},
		{false, 1, 0, 0, 1, 7, 7},
		{true, 2, 2, 2, 2, 4, 5},
		{true, 2, 1, 2, 2, 5, 5},
		{true, 2, 1, 1, 2, 5, 6},
		{true, 3, 3, 2, 3, 3, 4},
		{true, 1, 1, 1, 1, 5, 6},
		{true, 1, 0, 1, 1, 6, 6},
		{true, 0, 1, 0, 1, 6, 7},
	}
	var out []HistoryEntry
	for i, w := range weeks {
		d := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
		out = append(out, historyEntry(t, b, "", d, d, map[string]any{"feel_safe": w.safe, "worry": w.worry, "sleep": w.sleep,
			"alone": w.alone, "tense": w.tense, "count_on": w.countOn, "honest": w.honest}))
	}
	return b, out
}

func TestHistoryChangeGolden(t *testing.T) {
	for _, format := range []string{"text", "markdown", "csv", "json"} {
		t.Run(format, func(t *testing.T) {
			b, entries := outcomeWeeks(t)
			var buf bytes.Buffer
			require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: format, Width: 80}))
			ext := map[string]string{"text": "txt", "markdown": "md", "csv": "csv", "json": "json"}[format]
			golden(t, "history/outcome-measure."+ext, buf.String())
			if format == "text" {
				for _, l := range strings.Split(buf.String(), "\n") {
					assert.LessOrEqual(t, text.Width(l), 80, "line too wide: %q", l)
				}
			}
		})
	}
}

// jtPoint is what a test computes on its own from Jacobson and Truax (1991), not through
// scoring/change: RCI = (x2 - x1) / (SD · √2 · √(1 - r)); reliable beyond 1.96; recovered
// when a reliable improvement crosses c.
type jtPoint struct {
	rci      float64
	category string
	crossed  bool
}

func jacobsonTruax(x1, x2, sd, r, c float64, higherBetter bool) jtPoint {
	rci := (x2 - x1) / (sd * math.Sqrt(2) * math.Sqrt(1-r))
	beyond := func(x float64) bool {
		if higherBetter {
			return x > c
		}
		return x < c
	}
	p := jtPoint{rci: rci, crossed: beyond(x1) != beyond(x2), category: "no_reliable_change"}
	better := (rci > 0) == higherBetter
	switch {
	case math.Abs(rci) <= 1.96:
	case !better:
		p.category = "reliable_deterioration"
	case p.crossed:
		p.category = "recovered"
	default:
		p.category = "reliable_improvement"
	}
	return p
}

// randomWeeks are n responses to testdata/banks/change-percent.yaml with answers from a
// fixed seed; about one in eight is answered not safe, and one leaves the safety question open.
func randomWeeks(t *testing.T, n int, seed int64) (*questionnaire.Bank, []HistoryEntry) {
	b := loadBank(t, "change-percent.yaml")
	rnd := rand.New(rand.NewSource(seed))
	var out []HistoryEntry
	for i := range n {
		a := map[string]any{"a": float64(1 + rnd.Intn(5)), "b": float64(1 + rnd.Intn(5)), "c": float64(1 + rnd.Intn(5))}
		switch {
		case i == n/2:
		case rnd.Intn(8) == 0:
			a["feel_safe"] = false
		default:
			a["feel_safe"] = true
		}
		d := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
		out = append(out, historyEntry(t, b, "", d, d, a))
	}
	return b, out
}

// paperScore is a score's numbers as the test states them, apart from the bank file.
type paperScore struct {
	id           string
	i            int
	sd, r, c     float64
	higherBetter bool
}

func TestHistoryJSONChangeFollowsThePaper(t *testing.T) {
	seen := map[string]bool{}
	cases := []struct {
		name   string
		load   func(t *testing.T) (*questionnaire.Bank, []HistoryEntry)
		scores []paperScore
	}{
		// distress: c = (2.5 · 11 + 3 · 4) / (2.5 + 3) = 39.5 / 5.5; trust: cut-off 4.
		{"twelve weeks", outcomeWeeks, []paperScore{{"distress", 0, 3.5, 0.85, 39.5 / 5.5, false}, {"trust", 1, 1.1, 0.8, 4, true}}},
		// strain: c = (0.8 · 4 + 0.7 · 2) / (0.8 + 0.7) = 4.6 / 1.5.
		{"forty random weeks", func(t *testing.T) (*questionnaire.Bank, []HistoryEntry) { return randomWeeks(t, 40, 26) },
			[]paperScore{{"wellbeing", 0, 15, 0.9, 50, true}, {"strain", 1, 0.9, 0.7, 4.6 / 1.5, false}}},
		{"another seed", func(t *testing.T) (*questionnaire.Bank, []HistoryEntry) { return randomWeeks(t, 25, 1991) },
			[]paperScore{{"wellbeing", 0, 15, 0.9, 50, true}, {"strain", 1, 0.9, 0.7, 4.6 / 1.5, false}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, entries := tc.load(t)
			var buf bytes.Buffer
			require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "json"}))
			checkAgainstPaper(t, buf.Bytes(), len(entries), tc.scores, seen)
		})
	}
	// The series reach every category, so the comparison means something.
	assert.Len(t, seen, 4, "categories seen: %v", seen)
}

type paperStep struct {
	RCI      float64 `json:"rci"`
	Category string  `json:"category"`
	Crossed  bool    `json:"crossed_cutoff"`
}

// checkAgainstPaper compares `history --format json` with the paper's formulas, computed here.
func checkAgainstPaper(t *testing.T, raw []byte, n int, scores []paperScore, seen map[string]bool) {
	var got []struct {
		Unsafe     bool `json:"unsafe"`
		SafetyOpen bool `json:"safety_open"`
		Result     struct {
			Scores []struct {
				Value *float64 `json:"value"`
			} `json:"scores"`
		} `json:"result"`
		Change map[string]struct {
			Cutoff   *float64   `json:"cutoff"`
			LeftOut  bool       `json:"left_out"`
			First    *paperStep `json:"change_from_first"`
			Previous *paperStep `json:"change_from_previous"`
		} `json:"change"`
	}
	require.NoError(t, json.Unmarshal(raw, &got))
	require.Len(t, got, n)
	marked := 0
	for _, sc := range scores {
		first, prev := -1, -1
		for j, rec := range got {
			ch, ok := rec.Change[sc.id]
			require.True(t, ok, "%s response %d", sc.id, j+1)
			require.NotNil(t, ch.Cutoff)
			assert.InDelta(t, sc.c, *ch.Cutoff, 1e-9)
			x := *rec.Result.Scores[sc.i].Value
			if rec.Unsafe || rec.SafetyOpen {
				marked++
				assert.True(t, ch.LeftOut)
				assert.Nil(t, ch.First, "a marked response gets no change")
				assert.Nil(t, ch.Previous)
				continue
			}
			if first < 0 {
				assert.Nil(t, ch.First, "the first point has no change")
				assert.Nil(t, ch.Previous)
				first, prev = j, j
				continue
			}
			for _, c := range []struct {
				from int
				got  *paperStep
			}{{first, ch.First}, {prev, ch.Previous}} {
				want := jacobsonTruax(*got[c.from].Result.Scores[sc.i].Value, x, sc.sd, sc.r, sc.c, sc.higherBetter)
				require.NotNil(t, c.got, "%s response %d", sc.id, j+1)
				assert.InDelta(t, want.rci, c.got.RCI, 1e-9, "%s response %d", sc.id, j+1)
				assert.Equal(t, want.category, c.got.Category, "%s response %d", sc.id, j+1)
				assert.Equal(t, want.crossed, c.got.Crossed, "%s response %d", sc.id, j+1)
				seen[c.got.Category] = true
			}
			prev = j
		}
	}
	assert.Positive(t, marked, "a marked response is in the series")
}

func TestHistoryChangeCSV(t *testing.T) {
	b, entries := outcomeWeeks(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "csv"}))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	assert.Equal(t, "safety", head[col("distress_cutoff")-1], "change columns come after safety")
	assert.Equal(t, "", rows[1][col("distress_rci_from_first")], "the first week has no change")
	assert.Equal(t, "unsafe", rows[5][col("safety")])
	assert.Equal(t, "", rows[5][col("trust_category_from_previous")], "the unsafe week has none")
	assert.Equal(t, "below", rows[1][col("trust_alerts")], "week 1's 2.5 is below 3")
	assert.Equal(t, "drop", rows[9][col("trust_alerts")], "week 9 fell by 2 from week 8's 5.5")
	assert.Equal(t, "", rows[10][col("trust_alerts")])
	assert.NotContains(t, head, "honesty_rci_from_first")
}

func TestHistoryNoReliabilitySaysWhy(t *testing.T) {
	b, entries := historySet(t)
	var buf bytes.Buffer
	require.NoError(t, History(&buf, b, entries, HistoryOptions{Format: "text", Width: 80}))
	assert.Contains(t, text.Strip(buf.String()), "no published reliability")
}
