package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The published instruments' own `tests:` all pass, and there are tests to run.
func TestInstrumentBankTests(t *testing.T) {
	for _, file := range []string{"rses.yaml", "phq9.yaml", "dass21.yaml", "phq9-fhir.yaml", "gad7.yaml", "audit.yaml", "apgar.yaml"} {
		t.Run(file, func(t *testing.T) {
			b := loadInstrument(t, file)
			results := RunTests(b)
			require.NotEmpty(t, results)
			for _, r := range results {
				assert.True(t, r.Pass, "test %q at %s failed: %v", r.Name, r.Pos, r.Failures)
			}
		})
	}
}

// RSES: 10 items valued SA=3 A=2 D=1 SD=0; items 2, 5, 6, 8, 9 reverse-keyed (3 − value);
// sum 0–30; bands Low ≤14 < Normal range ≤25 < High; up to 2 missing prorated × 10/answered.
// Every expected value below is computed by hand in the case's comment, independently of the
// YAML's own tests.
func TestRSES(t *testing.T) {
	b := loadInstrument(t, "rses.yaml")
	const m = -1 // unanswered
	cases := []struct {
		name   string
		values []int // rses_1..rses_10
		value  *float64
		band   *string
		prorat bool
	}{
		// positive 1,3,4,7,10 = 0; reverse 2,5,6,8,9 valued 3 score 0 → 0
		{"lowest possible", []int{0, 3, 0, 0, 3, 3, 0, 3, 3, 0}, num(0), str("Low"), false},
		// positive 5×3 = 15; reverse valued 0 score 3 → 15 → 30
		{"highest possible", []int{3, 0, 3, 3, 0, 0, 3, 0, 0, 3}, num(30), str("High"), false},
		// strongly agree with everything: 15 + 5×0
		{"all strongly agree", []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, num(15), str("Normal range"), false},
		// strongly disagree with everything: 0 + 5×3
		{"all strongly disagree", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, num(15), str("Normal range"), false},
		// all agree: 5×2 + 5×1 = 15, lowest of Normal range
		{"15, bottom of normal", []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, num(15), str("Normal range"), false},
		// item 1 disagree: 1 + 4×2 + 5×1 = 14, top of Low
		{"14, top of low", []int{1, 2, 2, 2, 2, 2, 2, 2, 2, 2}, num(14), str("Low"), false},
		// reverse item 2 strongly agree scores 0 instead of 1: 10 + 4 = 14
		{"reverse item 2 strongly agree", []int{2, 3, 2, 2, 2, 2, 2, 2, 2, 2}, num(14), str("Low"), false},
		// reverse item 2 strongly disagree scores 3: 10 + 4 + 3 = 17
		{"reverse item 2 strongly disagree", []int{2, 0, 2, 2, 2, 2, 2, 2, 2, 2}, num(17), str("Normal range"), false},
		// positive 15; reverse valued 1 score 2 → 10 → 25, top of Normal range
		{"25, top of normal", []int{3, 1, 3, 3, 1, 1, 3, 1, 1, 3}, num(25), str("Normal range"), false},
		// item 2 valued 0 scores 3 → 26, bottom of High
		{"26, bottom of high", []int{3, 0, 3, 3, 1, 1, 3, 1, 1, 3}, num(26), str("High"), false},
		// item 10 missing: positive 12 + reverse 15 = 27, × 10/9 = 30
		{"one missing prorated", []int{3, 0, 3, 3, 0, 0, 3, 0, 0, m}, num(30), str("High"), true},
		// 9, 10 missing: positive 1,3,4,7 = 8; reverse 2,5,6,8 = 4; 12 × 10/8 = 15 exactly
		{"two missing prorated onto a cut-off", []int{2, 2, 2, 2, 2, 2, 2, 2, m, m}, num(15), str("Normal range"), true},
		// 9, 10 missing: positive 1+2+2+2 = 7; reverse 4; 11 × 10/8 = 13.75
		{"two missing prorated to a fraction", []int{1, 2, 2, 2, 2, 2, 2, 2, m, m}, num(13.75), str("Low"), true},
		// 3, 8 missing: positive 3+3+3+3 = 12; reverse 3+2+2+1 = 8; 20 × 10/8 = 25
		{"two missing prorated to 25", []int{3, 0, m, 3, 1, 1, 3, m, 2, 3}, num(25), str("Normal range"), true},
		// as above with item 5 valued 0 (score 3): 21 × 10/8 = 26.25, above 25 so High
		{"two missing prorated to 26.25", []int{3, 0, m, 3, 0, 1, 3, m, 2, 3}, num(26.25), str("High"), true},
		// three missing is more than max_missing 2: no value, never 0
		{"three missing", []int{m, m, m, 3, 0, 0, 3, 0, 0, 3}, nil, nil, false},
		{"nothing answered", []int{m, m, m, m, m, m, m, m, m, m}, nil, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(b, answersOf("rses_", c.values...), Options{})
			checkScore(t, r, "self_esteem", c.value, c.band)
			s := scoreByID(t, r, "self_esteem")
			assert.Equal(t, c.prorat, s.Prorated)
			answered := 0
			for _, v := range c.values {
				if v >= 0 {
					answered++
				}
			}
			assert.Equal(t, answered, s.Answered)
			assert.Equal(t, 10, s.Items)
			assert.Equal(t, 8, s.Needed)
			require.NotNil(t, s.Min)
			require.NotNil(t, s.Max)
			assert.Equal(t, 0.0, *s.Min)
			assert.Equal(t, 30.0, *s.Max)
		})
	}
}

// PHQ-9: 9 items 0–3, sum 0–27; bands None-minimal ≤4 < Mild ≤9 < Moderate ≤14 <
// Moderately severe ≤19 < Severe; up to 2 missing prorated × 9/answered; item 9 above 0
// raises the urgent flag self_harm, with or without a total; item 10 is not scored.
func TestPHQ9(t *testing.T) {
	b := loadInstrument(t, "phq9.yaml")
	const m = -1
	cases := []struct {
		name   string
		values []int // phq9_1..phq9_9
		item10 int
		value  *float64
		band   *string
		flags  []string
	}{
		{"lowest", []int{0, 0, 0, 0, 0, 0, 0, 0, 0}, m, num(0), str("None-minimal"), nil},
		{"highest", []int{3, 3, 3, 3, 3, 3, 3, 3, 3}, m, num(27), str("Severe"), []string{"self_harm"}},
		{"4, top of none-minimal", []int{1, 1, 1, 1, 0, 0, 0, 0, 0}, m, num(4), str("None-minimal"), nil},
		{"5, bottom of mild", []int{1, 1, 1, 1, 1, 0, 0, 0, 0}, m, num(5), str("Mild"), nil},
		{"9, top of mild", []int{3, 3, 3, 0, 0, 0, 0, 0, 0}, m, num(9), str("Mild"), nil},
		{"10, bottom of moderate", []int{3, 3, 3, 1, 0, 0, 0, 0, 0}, m, num(10), str("Moderate"), nil},
		{"14, top of moderate", []int{2, 2, 2, 2, 2, 2, 2, 0, 0}, m, num(14), str("Moderate"), nil},
		{"15, bottom of moderately severe", []int{2, 2, 2, 2, 2, 2, 2, 1, 0}, m, num(15), str("Moderately severe"), nil},
		{"19, top of moderately severe", []int{3, 3, 3, 3, 3, 2, 2, 0, 0}, m, num(19), str("Moderately severe"), nil},
		{"20, bottom of severe", []int{3, 3, 3, 3, 3, 3, 2, 0, 0}, m, num(20), str("Severe"), nil},
		{"item 9 alone raises the flag", []int{0, 0, 0, 0, 0, 0, 0, 0, 1}, m, num(1), str("None-minimal"), []string{"self_harm"}},
		{"item 10 is not scored", []int{0, 0, 0, 0, 0, 0, 0, 0, 0}, 3, num(0), str("None-minimal"), nil},
		// item 9 missing: 10 × 9/8 = 11.25; no flag, item 9 is nil
		{"one missing", []int{2, 2, 2, 1, 1, 1, 1, 0, m}, m, num(11.25), str("Moderate"), nil},
		// items 3, 7 missing: 7 × 9/7 = 9
		{"two missing", []int{1, 1, m, 1, 1, 1, m, 2, 0}, m, num(9), str("Mild"), nil},
		// item 9 missing: 4 × 9/8 = 4.5, above 4 so Mild (bands apply to the exact value)
		{"prorated between cut-offs", []int{1, 1, 1, 1, 0, 0, 0, 0, m}, m, num(4.5), str("Mild"), nil},
		// item 5 missing: 8 × 9/8 = 9, flag from item 9
		{"one missing with item 9", []int{1, 1, 1, 1, m, 1, 1, 1, 1}, m, num(9), str("Mild"), []string{"self_harm"}},
		{"three missing", []int{3, 3, 3, 3, 3, 3, m, m, m}, m, nil, nil, nil},
		// no total, but the urgent flag still stands
		{"six missing with item 9", []int{m, m, m, m, m, m, 0, 0, 2}, m, nil, nil, []string{"self_harm"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := answersOf("phq9_", c.values...)
			if c.item10 >= 0 {
				a["phq9_10"] = float64(c.item10)
			}
			r := Score(b, a, Options{})
			checkScore(t, r, "total", c.value, c.band)
			want := c.flags
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, flagIDs(r))
			assert.Nil(t, r.Outcome, "the PHQ-9 bank has no outcomes")
			assert.Equal(t, 10, r.Asked)
		})
	}
}

// DASS-21: three 7-item subscales, each item 0–3 weighted 2 (the DASS-42 metric), so 0–42;
// one missing item per subscale prorated: 2 × raw × 14/12.
func TestDASS21(t *testing.T) {
	b := loadInstrument(t, "dass21.yaml")
	depression := []int{3, 5, 10, 13, 16, 17, 21}
	anxiety := []int{2, 4, 7, 9, 15, 19, 20}
	stress := []int{1, 6, 8, 11, 12, 14, 18}
	// fill answers items of one subscale with values (m leaves one out).
	fill := func(values []int, items []int, item []int) {
		for i, it := range items {
			values[it-1] = item[i]
		}
	}
	const m = -1
	type sub struct {
		value *float64
		band  *string
	}
	cases := []struct {
		name          string
		dep, anx, str []int // item values in the subscale's item order
		want          [3]sub
	}{
		{"all zero", []int{0, 0, 0, 0, 0, 0, 0}, []int{0, 0, 0, 0, 0, 0, 0}, []int{0, 0, 0, 0, 0, 0, 0},
			[3]sub{{value: num(0), band: ptr("Normal")}, {value: num(0), band: ptr("Normal")}, {value: num(0), band: ptr("Normal")}}},
		{"all three", []int{3, 3, 3, 3, 3, 3, 3}, []int{3, 3, 3, 3, 3, 3, 3}, []int{3, 3, 3, 3, 3, 3, 3},
			[3]sub{{value: num(42), band: ptr("Extremely severe")}, {value: num(42), band: ptr("Extremely severe")}, {value: num(42), band: ptr("Extremely severe")}}},
		// D raw 4 → 8 (≤9 Normal); A raw 3 → 6 (≤7 Normal); S raw 7 → 14 (≤14 Normal)
		{"just below mild", []int{1, 1, 1, 1, 0, 0, 0}, []int{1, 1, 1, 0, 0, 0, 0}, []int{1, 1, 1, 1, 1, 1, 1},
			[3]sub{{value: num(8), band: ptr("Normal")}, {value: num(6), band: ptr("Normal")}, {value: num(14), band: ptr("Normal")}}},
		// D 5 → 10 Mild; A 4 → 8 Mild; S 8 → 16 Mild
		{"bottom of mild", []int{1, 1, 1, 1, 1, 0, 0}, []int{1, 1, 1, 1, 0, 0, 0}, []int{2, 1, 1, 1, 1, 1, 1},
			[3]sub{{value: num(10), band: ptr("Mild")}, {value: num(8), band: ptr("Mild")}, {value: num(16), band: ptr("Mild")}}},
		// D 6 → 12 Mild; A 4 → 8; S 9 → 18 Mild (top)
		{"top of mild", []int{1, 1, 1, 1, 1, 1, 0}, []int{2, 2, 0, 0, 0, 0, 0}, []int{3, 3, 3, 0, 0, 0, 0},
			[3]sub{{value: num(12), band: ptr("Mild")}, {value: num(8), band: ptr("Mild")}, {value: num(18), band: ptr("Mild")}}},
		// D 7 → 14 Moderate; A 5 → 10 Moderate; S 10 → 20 Moderate
		{"bottom of moderate", []int{1, 1, 1, 1, 1, 1, 1}, []int{1, 1, 1, 1, 1, 0, 0}, []int{3, 3, 3, 1, 0, 0, 0},
			[3]sub{{value: num(14), band: ptr("Moderate")}, {value: num(10), band: ptr("Moderate")}, {value: num(20), band: ptr("Moderate")}}},
		// D 10 → 20 (top Moderate); A 7 → 14 (top Moderate); S 12 → 24 Moderate; 13 → 26 would be Severe
		{"top of moderate", []int{2, 2, 2, 1, 1, 1, 1}, []int{1, 1, 1, 1, 1, 1, 1}, []int{2, 2, 2, 2, 2, 2, 0},
			[3]sub{{value: num(20), band: ptr("Moderate")}, {value: num(14), band: ptr("Moderate")}, {value: num(24), band: ptr("Moderate")}}},
		// D 11 → 22 Severe; A 8 → 16 Severe; S 13 → 26 Severe
		{"bottom of severe", []int{2, 2, 2, 2, 1, 1, 1}, []int{2, 1, 1, 1, 1, 1, 1}, []int{2, 2, 2, 2, 2, 2, 1},
			[3]sub{{value: num(22), band: ptr("Severe")}, {value: num(16), band: ptr("Severe")}, {value: num(26), band: ptr("Severe")}}},
		// D 13 → 26 Severe; A 9 → 18 Severe; S 16 → 32 Severe
		{"top of severe", []int{2, 2, 2, 2, 2, 2, 1}, []int{2, 2, 1, 1, 1, 1, 1}, []int{3, 3, 2, 2, 2, 2, 2},
			[3]sub{{value: num(26), band: ptr("Severe")}, {value: num(18), band: ptr("Severe")}, {value: num(32), band: ptr("Severe")}}},
		// D 14 → 28; A 10 → 20; S 17 → 34: all Extremely severe
		{"bottom of extremely severe", []int{2, 2, 2, 2, 2, 2, 2}, []int{2, 2, 2, 1, 1, 1, 1}, []int{3, 3, 3, 2, 2, 2, 2},
			[3]sub{{value: num(28), band: ptr("Extremely severe")}, {value: num(20), band: ptr("Extremely severe")}, {value: num(34), band: ptr("Extremely severe")}}},
		// one missing in each: D raw 6 → 12 × 14/12 = 14 Moderate; A raw 3 → 6 × 14/12 = 7
		// Normal (exactly at its max); S raw 12 → 24 × 14/12 = 28 Severe
		{"one missing in each", []int{1, 1, 1, 1, 1, 1, m}, []int{1, 1, 1, 0, 0, 0, m}, []int{2, 2, 2, 2, 2, 2, m},
			[3]sub{{value: num(14), band: ptr("Moderate")}, {value: num(7), band: ptr("Normal")}, {value: num(28), band: ptr("Severe")}}},
		// D raw 4 → 8 × 14/12 = 28/3 = 9.33…, above 9 so Mild; A raw 4 → 28/3 too, above
		// anxiety's Mild max 9 so Moderate; S raw 6 → 12 × 14/12 = 14 exactly, Normal
		{"prorated between and onto cut-offs", []int{m, 1, 1, 1, 1, 0, 0}, []int{m, 1, 1, 1, 1, 0, 0}, []int{m, 1, 1, 1, 1, 1, 1},
			[3]sub{{value: num(28.0 / 3), band: ptr("Mild")}, {value: num(28.0 / 3), band: ptr("Moderate")}, {value: num(14), band: ptr("Normal")}}},
		// S raw 7 → 14 × 14/12 = 49/3 = 16.33…, Mild
		{"prorated stress", []int{0, 0, 0, 0, 0, 0, 0}, []int{0, 0, 0, 0, 0, 0, 0}, []int{m, 2, 1, 1, 1, 1, 1},
			[3]sub{{value: num(0), band: ptr("Normal")}, {value: num(0), band: ptr("Normal")}, {value: num(49.0 / 3), band: ptr("Mild")}}},
		// two missing in depression: no value; the other two are whole
		{"two missing in one subscale", []int{m, m, 3, 3, 3, 3, 3}, []int{1, 1, 1, 1, 1, 1, 1}, []int{0, 0, 0, 0, 0, 0, 0},
			[3]sub{{}, {value: num(14), band: ptr("Moderate")}, {value: num(0), band: ptr("Normal")}}},
		{"nothing answered", []int{m, m, m, m, m, m, m}, []int{m, m, m, m, m, m, m}, []int{m, m, m, m, m, m, m},
			[3]sub{{}, {}, {}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			values := make([]int, 21)
			fill(values, depression, c.dep)
			fill(values, anxiety, c.anx)
			fill(values, stress, c.str)
			r := Score(b, answersOf("dass_", values...), Options{})
			for i, id := range []string{"depression", "anxiety", "stress"} {
				checkScore(t, r, id, c.want[i].value, c.want[i].band)
				s := scoreByID(t, r, id)
				require.NotNil(t, s.Max)
				assert.Equal(t, 42.0, *s.Max, "weights ×2 make %s 0–42", id)
			}
			assert.Empty(t, r.Flags)
		})
	}
}

func ptr(s string) *string { return &s }
