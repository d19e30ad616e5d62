package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/candor-app/candor/internal/iostreams"
)

// Each command is options + run: NewCmdX parses the command line into XOptions and hands them
// to run (xRun, or the runF a test gives). These tables check the parsing alone, gh-style:
// what each flag and argument sets, and which command lines are refused as usage errors
// (exit 2) before anything runs.

// cmdCase is one command line: the options it gives, or the usage error it gets.
type cmdCase[O any] struct {
	args    string
	want    O
	wantErr string // part of the usage error; "" for none
}

// parseCmd runs the command built by newCmd on args with a runF that keeps the options.
func parseCmd[O any](t *testing.T, newCmd func(*Factory, func(*O) error) *cobra.Command, args string) (*O, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var got *O
	cmd := newCmd(NewFactory(ios), func(o *O) error {
		got = o
		return nil
	})
	cmd.SetArgs(strings.Fields(args))
	cmd.SetIn(&bytes.Buffer{})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return got, err
}

// runCases checks each case of a command's table.
func runCases[O any](t *testing.T, newCmd func(*Factory, func(*O) error) *cobra.Command, cases []cmdCase[O]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.args, func(t *testing.T) {
			got, err := parseCmd(t, newCmd, tc.args)
			if tc.wantErr != "" {
				require.Error(t, err)
				var ee *exitError
				require.True(t, errors.As(err, &ee), "a usage error, not %T: %v", err, err)
				assert.Equal(t, exitUsage, ee.code)
				assert.Contains(t, err.Error(), tc.wantErr)
				assert.Nil(t, got, "the command must not run")
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got, "the command ran")
			assert.Equal(t, tc.want, *got)
		})
	}
}

func TestNewCmdTake(t *testing.T) {
	runCases(t, NewCmdTake, []cmdCase[TakeOptions]{
		{args: "", want: TakeOptions{Format: "text"}},
		{args: "accountability --respondent Sam --save r.yaml --format json --width 60 --ascii",
			want: TakeOptions{Bank: "accountability", Respondent: "Sam", Save: "r.yaml", Format: "json", Width: 60, ASCII: true}},
		{args: "--resume r.yaml my-bank.yaml", want: TakeOptions{Bank: "my-bank.yaml", Resume: "r.yaml", Format: "text"}},
		{args: "--no-save --format markdown", want: TakeOptions{NoSave: true, Format: "markdown"}},
		{args: "--lang es", want: TakeOptions{Lang: "es", Format: "text"}},
		{args: "--lang es-MX accountability", want: TakeOptions{Bank: "accountability", Lang: "es-MX", Format: "text"}},
		{args: "--lang 'e s'", wantErr: `--lang "'e" is not a language`},
		{args: "--lang español", wantErr: `--lang "español" is not a language: write a tag such as en or es`},
		{args: "--answers a.yaml --save r.yaml --format html", want: TakeOptions{Answers: "a.yaml", Save: "r.yaml", Format: "html"}},
		{args: "--to " + testRecipient + " --to " + testRecipient, want: TakeOptions{Format: "text", To: []string{testRecipient, testRecipient}}},
		{args: "--to age1nope", wantErr: `--to "age1nope" is not an age public key`},
		{args: "--no-save --to " + testRecipient, wantErr: "--no-save cannot be combined with --to"},
		{args: "--answers a.yaml --to " + testRecipient, wantErr: "--answers cannot be combined with --to"},
		{args: "--no-save --save r.yaml", wantErr: "--no-save cannot be combined with --save: --no-save saves nothing"},
		{args: "--no-save --resume r.yaml", wantErr: "--no-save cannot be combined with --resume"},
		{args: "--resume r.yaml --save s.yaml", wantErr: "--resume cannot be combined with --save: --resume keeps saving in the file it continues"},
		{args: "--answers a.yaml --resume r.yaml", wantErr: "--answers cannot be combined with --resume"},
		{args: "a b", wantErr: "take takes at most one bank"},
		{args: "--format csv", wantErr: `unknown --format "csv": use text, markdown, html, json, fhir`},
		{args: "--width -1", wantErr: "--width -1: give a number of columns"},
	})
}

func TestNewCmdScore(t *testing.T) {
	runCases(t, NewCmdScore, []cmdCase[ScoreOptions]{
		{args: "a.yaml folder", want: ScoreOptions{Responses: []string{"a.yaml", "folder"}, Format: "text"}},
		{args: "--identity k.txt --identity k2.txt a.age", want: ScoreOptions{Responses: []string{"a.age"}, Format: "text", Identities: []string{"k.txt", "k2.txt"}}},
		{args: "--bank mine.yaml --format csv --width 30 --ascii a.yaml",
			want: ScoreOptions{Responses: []string{"a.yaml"}, Bank: "mine.yaml", Format: "csv", Width: 30, ASCII: true}},
		{args: "--format json a.yaml", want: ScoreOptions{Responses: []string{"a.yaml"}, Format: "json"}},
		{args: "--lang en a.yaml", want: ScoreOptions{Responses: []string{"a.yaml"}, Format: "text", Lang: "en"}},
		{args: "--lang e_n a.yaml", wantErr: `--lang "e_n" is not a language`},
		{args: "", wantErr: "score needs at least one response file or folder"},
		{args: "--format pdf a.yaml", wantErr: `unknown --format "pdf"`},
		{args: "--width -5 a.yaml", wantErr: "--width -5"},
	})
}

func TestNewCmdCompare(t *testing.T) {
	runCases(t, NewCmdCompare, []cmdCase[CompareOptions]{
		{args: "a.yaml b.yaml", want: CompareOptions{A: "a.yaml", B: "b.yaml", Format: "text"}},
		{args: "a.yaml b.yaml --lang es", want: CompareOptions{A: "a.yaml", B: "b.yaml", Format: "text", Lang: "es"}},
		{args: "a.age b.yaml --identity k.txt", want: CompareOptions{A: "a.age", B: "b.yaml", Format: "text", Identities: []string{"k.txt"}}},
		{args: "a.yaml b.yaml --bank mine.yaml --format markdown --width 70",
			want: CompareOptions{A: "a.yaml", B: "b.yaml", Bank: "mine.yaml", Format: "markdown", Width: 70}},
		{args: "a.yaml", wantErr: "compare takes two response files"},
		{args: "a.yaml b.yaml c.yaml", wantErr: "compare takes two response files"},
		{args: "a.yaml b.yaml --format csv", wantErr: `unknown --format "csv"`},
	})
}

func TestNewCmdHistory(t *testing.T) {
	runCases(t, NewCmdHistory, []cmdCase[HistoryOptions]{
		{args: "w1.yaml w4.yaml", want: HistoryOptions{Files: []string{"w1.yaml", "w4.yaml"}, Format: "text"}},
		{args: "w1.yaml --lang es", want: HistoryOptions{Files: []string{"w1.yaml"}, Format: "text", Lang: "es"}},
		{args: "--identity k.txt w1.age", want: HistoryOptions{Files: []string{"w1.age"}, Format: "text", Identities: []string{"k.txt"}}},
		{args: "--bank mine.yaml --format csv --width 90 w1.yaml",
			want: HistoryOptions{Files: []string{"w1.yaml"}, Bank: "mine.yaml", Format: "csv", Width: 90}},
		{args: "", wantErr: "history needs at least one response file"},
		{args: "--format html w1.yaml", want: HistoryOptions{Files: []string{"w1.yaml"}, Format: "html"}},
		{args: "--format pdf w1.yaml", wantErr: `unknown --format "pdf"`},
	})
}

func TestNewCmdValidate(t *testing.T) {
	runCases(t, NewCmdValidate, []cmdCase[ValidateOptions]{
		{args: "a.yaml trust-readiness", want: ValidateOptions{Banks: []string{"a.yaml", "trust-readiness"}, Format: "text"}},
		{args: "--format json --width 40 a.yaml", want: ValidateOptions{Banks: []string{"a.yaml"}, Format: "json", Width: 40}},
		{args: "", wantErr: "validate needs at least one bank file"},
		{args: "--format markdown a.yaml", wantErr: `unknown --format "markdown"`},
	})
}

func TestNewCmdTest(t *testing.T) {
	runCases(t, NewCmdTest, []cmdCase[TestOptions]{
		{args: "a.yaml", want: TestOptions{Banks: []string{"a.yaml"}, Format: "text"}},
		{args: "--format json a.yaml b.yaml", want: TestOptions{Banks: []string{"a.yaml", "b.yaml"}, Format: "json"}},
		{args: "", wantErr: "test needs at least one bank file"},
	})
}

func TestNewCmdShow(t *testing.T) {
	runCases(t, NewCmdShow, []cmdCase[ShowOptions]{
		{args: "accountability", want: ShowOptions{Bank: "accountability", Format: "text"}},
		{args: "accountability --lang es", want: ShowOptions{Bank: "accountability", Format: "text", Lang: "es"}},
		{args: "--format markdown --width 100 mine.yaml", want: ShowOptions{Bank: "mine.yaml", Format: "markdown", Width: 100}},
		{args: "", wantErr: "show takes one bank"},
		{args: "a b", wantErr: "show takes one bank"},
		{args: "--format json a", wantErr: `unknown --format "json"`},
	})
}

func TestNewCmdImport(t *testing.T) {
	runCases(t, NewCmdImport, []cmdCase[ImportOptions]{
		{args: "phq-9.json", want: ImportOptions{File: "phq-9.json"}},
		{args: "phq-9.json -o phq-9.yaml", want: ImportOptions{File: "phq-9.json", Output: "phq-9.yaml"}},
		{args: "", wantErr: "import takes one FHIR Questionnaire file"},
		{args: "a.json b.json", wantErr: "import takes one FHIR Questionnaire file"},
	})
}

func TestNewCmdExport(t *testing.T) {
	runCases(t, NewCmdExport, []cmdCase[ExportOptions]{
		{args: "accountability", want: ExportOptions{Bank: "accountability", Format: "fhir"}},
		{args: "mine.yaml --format fhir -o mine.json", want: ExportOptions{Bank: "mine.yaml", Format: "fhir", Output: "mine.json"}},
		{args: "", wantErr: "export takes one bank"},
		{args: "--format pdf a", wantErr: `unknown --format "pdf": use fhir, redcap`},
		{args: "--format redcap a", want: ExportOptions{Bank: "a", Format: "redcap"}},
	})
}

func TestNewCmdList(t *testing.T) {
	runCases(t, NewCmdList, []cmdCase[ListOptions]{
		{args: "", want: ListOptions{Format: "text"}},
		{args: "--format json --width 50", want: ListOptions{Format: "json", Width: 50}},
		{args: "extra", wantErr: "list takes no arguments"},
	})
}

func TestNewCmdInit(t *testing.T) {
	runCases(t, NewCmdInit, []cmdCase[InitOptions]{
		{args: "mine.yaml", want: InitOptions{File: "mine.yaml"}},
		{args: "mine.yaml --id week-one --title Week", want: InitOptions{File: "mine.yaml", ID: "week-one", Title: "Week"}},
		{args: "", wantErr: "init takes the name of the file to create"},
		{args: "a.yaml b.yaml", wantErr: "init takes the name of the file to create"},
	})
}

// testRecipient is an age public key (its identity is age's own test vector).
const testRecipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"

func TestNewCmdKeysNew(t *testing.T) {
	runCases(t, NewCmdKeysNew, []cmdCase[KeysNewOptions]{
		{args: "", want: KeysNewOptions{Output: "candor-key.txt"}},
		{args: "-o k.txt", want: KeysNewOptions{Output: "k.txt"}},
		{args: "k.txt", wantErr: "takes no arguments"},
	})
}

func TestNewCmdKeysShow(t *testing.T) {
	runCases(t, NewCmdKeysShow, []cmdCase[KeysShowOptions]{
		{args: "k.txt", want: KeysShowOptions{File: "k.txt"}},
		{args: "", wantErr: "one key file"},
		{args: "a b", wantErr: "one key file"},
	})
}

func TestNewCmdSchema(t *testing.T) {
	runCases(t, NewCmdSchema, []cmdCase[SchemaOptions]{
		{args: "", want: SchemaOptions{}},
		{args: "extra", wantErr: "schema takes no arguments"},
	})
}

func TestNewCmdForm(t *testing.T) {
	runCases(t, NewCmdForm, []cmdCase[FormOptions]{
		{args: "trust-readiness", want: FormOptions{Bank: "trust-readiness"}},
		{args: "mine.yaml -o page.html --no-summary --respondent Sam", want: FormOptions{Bank: "mine.yaml", Output: "page.html", NoSummary: true, Respondent: "Sam"}},
		{args: "--output p.html a", want: FormOptions{Bank: "a", Output: "p.html"}},
		{args: "--force -o p.html a", want: FormOptions{Bank: "a", Output: "p.html", Force: true}},
		{args: "a --to " + testRecipient + " --to-file keys.txt --encrypted-only", want: FormOptions{Bank: "a", To: []string{testRecipient}, ToFile: "keys.txt", EncryptedOnly: true}},
		{args: "a --to nope", wantErr: `--to "nope" is not an age public key`},
		{args: "", wantErr: "form takes one bank"},
		{args: "a b", wantErr: "form takes one bank"},
	})
}

func TestNewCmdAnswers(t *testing.T) {
	runCases(t, NewCmdAnswers, []cmdCase[AnswersOptions]{
		{args: "", want: AnswersOptions{Format: "text"}},
		{args: "--format json --width 50", want: AnswersOptions{Format: "json", Width: 50}},
		{args: "--format csv", wantErr: "csv"},
	})
}

func TestNewCmdAnswersContinue(t *testing.T) {
	runCases(t, NewCmdAnswersContinue, []cmdCase[AnswersContinueOptions]{
		{args: "", want: AnswersContinueOptions{Format: "text"}},
		{args: "accountability --format json", want: AnswersContinueOptions{Bank: "accountability", Format: "json"}},
		{args: "a b", wantErr: "at most one bank"},
	})
}

func TestNewCmdAnswersDelete(t *testing.T) {
	runCases(t, NewCmdAnswersDelete, []cmdCase[AnswersDeleteOptions]{
		{args: "a.yaml b.yaml", want: AnswersDeleteOptions{Files: []string{"a.yaml", "b.yaml"}}},
		{args: "--yes a.yaml", want: AnswersDeleteOptions{Files: []string{"a.yaml"}, Yes: true}},
		{args: "--all", want: AnswersDeleteOptions{All: true, Files: []string{}}},
		{args: "--all -y", want: AnswersDeleteOptions{All: true, Yes: true, Files: []string{}}},
		{args: "", wantErr: "needs the files to delete, or --all"},
		{args: "--all a.yaml", wantErr: "--all deletes every file"},
	})
}
