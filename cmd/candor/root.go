package main

import (
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/candor-app/candor/words"
)

// NewCmdRoot builds the candor command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	// The help speaks the environment's language: --lang is read after the tree is built.
	w := f.Words()
	root := &cobra.Command{
		Use:   "candor",
		Short: w.T("Questions for rebuilding trust, and a calm summary of your answers"),
		Long: w.T(`candor asks self-reflection questions from a question bank and turns your answers
into a plain-text summary. Your answers stay on this computer, in files only you can read.

Start with:  candor take`),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%s", w.T("%s (see '%s --help')", flagErrorText(w, err), c.CommandPath()))
	})
	// The help lists commands in groups: the one a person answering needs first, then the
	// ones for counselors and bank authors, then the tools.
	root.AddGroup(
		&cobra.Group{ID: groupAnswering, Title: w.T("Answering questions:")},
		&cobra.Group{ID: groupCounselors, Title: w.T("For counselors and bank authors:")},
		&cobra.Group{ID: groupTools, Title: w.T("Tools:")},
	)
	// In the order a counselor uses them, not the alphabet's.
	cobra.EnableCommandSorting = false
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add(groupAnswering, NewCmdTake(f, nil), NewCmdAnswers(f, nil))
	add(groupCounselors,
		NewCmdInit(f, nil),
		NewCmdValidate(f, nil),
		NewCmdTest(f, nil),
		NewCmdShow(f, nil),
		NewCmdForm(f, nil),
		NewCmdScore(f, nil),
		NewCmdCompare(f, nil),
		NewCmdHistory(f, nil),
		NewCmdList(f, nil),
		NewCmdImport(f, nil),
		NewCmdExport(f, nil),
		NewCmdKeys(f),
	)
	add(groupTools, NewCmdSchema(f, nil), newCmdVersion(f))
	root.SetCompletionCommandGroupID(groupTools)
	root.SetHelpCommandGroupID(groupTools)
	if w.Lang() != words.Default {
		helpWords(root, w)
	}
	return root
}

// helpWords gives cobra's own words in the help (its headings, the help and version flags,
// the help and completion commands), and the flags commands share, in w's language. English keeps cobra's own, in its
// order (help, then completion: made here, completion would come first).
func helpWords(root *cobra.Command, w *words.Printer) {
	root.SetUsageTemplate(usageTemplate(root, w))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = w.T("Help about any command")
			c.Long = w.T("Help provides help for any command in the application.\nSimply type %s help [path to command] for full details.", root.DisplayName())
		case "completion":
			c.Short = w.T("Generate the autocompletion script for the specified shell")
			for _, sh := range c.Commands() {
				sh.Short = w.T("Generate the autocompletion script for %s", sh.Name())
			}
		}
	}
	root.Flags().BoolP("version", "v", false, w.T("version for %s", root.DisplayName()))
	_ = root.Flags().SetAnnotation("version", cobra.FlagSetByCobraAnnotation, []string{"true"})
	var helpFlags func(c *cobra.Command)
	helpFlags = func(c *cobra.Command) {
		sharedFlagWords(c, w)
		c.Flags().BoolP("help", "h", false, w.T("help for %s", c.DisplayName()))
		_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
		for _, sub := range c.Commands() {
			helpFlags(sub)
		}
	}
	helpFlags(root)
}

// usageTemplate is cobra's usage template with its headings in w's language. The
// English ones are cobra's, matched in its template; one it no longer has stays as it is.
func usageTemplate(root *cobra.Command, w *words.Printer) string {
	return strings.NewReplacer(
		"Usage:", w.T("Usage:"), // words:none: cobra's heading, matched
		"Aliases:", w.T("Aliases:"), // words:none: cobra's heading, matched
		"Examples:", w.T("Examples:"), // words:none: cobra's heading, matched
		"Available Commands:", w.T("Available Commands:"), // words:none: cobra's heading, matched
		"Additional Commands:", w.T("Additional Commands:"), // words:none: cobra's heading, matched
		"Global Flags:", w.T("Global Flags:"), // words:none: cobra's heading, matched
		"Flags:", w.T("Flags:"), // words:none: cobra's heading, matched
		"Additional help topics:", w.T("Additional help topics:"), // words:none: cobra's heading, matched
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`, // words:none: cobra's, matched
		w.T(`Use "%s [command] --help" for more information about a command.`, "{{.CommandPath}}"),
	).Replace(root.UsageTemplate())
}

// Command groups of the help.
const (
	groupAnswering  = "answering"
	groupCounselors = "counselors"
	groupTools      = "tools"
)

// buildVersion is the module version from the build info ("(devel)" in a checkout).
func buildVersion() string {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v
}

func newCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: f.Words().T("Print candor's version"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := f.IO.Out.Write([]byte("candor " + buildVersion() + "\n"))
			return err
		},
	}
}

// Usage errors name the command without "candor", which Main puts before every message:
// "candor: score needs at least one response file (see 'candor score --help')".

// subcommand is the command's path without the program's name: "score".
func subcommand(cmd *cobra.Command) string {
	p := cmd.CommandPath()
	if r := cmd.Root(); r != cmd {
		p = strings.TrimPrefix(p, r.Name()+" ")
	}
	return p
}

// noArgs refuses arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorKey("%s takes no arguments (see '%s --help')", subcommand(cmd), cmd.CommandPath()) // words:key
	}
	return nil
}

// minArgs wants at least n arguments, named what (in the interface's words).
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorKey("%s needs %s (see '%s --help')", subcommand(cmd), what, cmd.CommandPath()) // words:key
		}
		return nil
	}
}

// rangeArgs wants between lo and hi arguments, named what (in the interface's words).
func rangeArgs(lo, hi int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return usageErrorKey("%s takes %s (see '%s --help')", subcommand(cmd), what, cmd.CommandPath()) // words:key
		}
		return nil
	}
}

// badFlagValue is pflag's refusal of a flag's value.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`) // words:none: pflag's English, matched

// flagErrorText says what a flag takes in plain words instead of Go's parse error:
// `--width takes a whole number, not "abc"` rather than `strconv.ParseInt: parsing ...`.
func flagErrorText(w *words.Printer, err error) string {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	value, flag, why := m[1], m[2], m[3]
	if i := strings.LastIndex(flag, "--"); i >= 0 {
		flag = flag[i:]
	}
	switch {
	case strings.Contains(why, "value out of range"): // words:none: strconv's English, matched
		return w.T("%s takes a whole number; %s is too large", flag, value)
	case strings.Contains(why, "ParseInt") || strings.Contains(why, "ParseUint"):
		return w.T("%s takes a whole number, not %q", flag, value)
	case strings.Contains(why, "ParseFloat"):
		return w.T("%s takes a number, not %q", flag, value)
	case strings.Contains(why, "ParseBool"):
		return w.T("%s takes true or false, not %q", flag, value)
	}
	return w.T("%s cannot take %q: %s", flag, value, why)
}
