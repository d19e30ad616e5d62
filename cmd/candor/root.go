package main

import (
	"runtime/debug"

	"github.com/spf13/cobra"
)

// NewCmdRoot builds the candor command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "candor",
		Short: "Questions for rebuilding trust, and a calm summary of your answers",
		Long: `candor asks self-reflection questions from a question bank and turns your answers
into a plain-text summary. Your answers stay on this computer, in files only you can read.

Start with:  candor take`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see 'candor %s --help')", err, c.Name())
	})
	root.AddCommand(
		NewCmdTake(f, nil),
		NewCmdScore(f, nil),
		NewCmdValidate(f, nil),
		NewCmdTest(f, nil),
		NewCmdList(f, nil),
		NewCmdShow(f, nil),
		NewCmdInit(f, nil),
		NewCmdCompare(f, nil),
		NewCmdHistory(f, nil),
		NewCmdSchema(f, nil),
		newCmdVersion(f),
	)
	return root
}

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
		Short: "Print candor's version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := f.IO.Out.Write([]byte("candor " + buildVersion() + "\n"))
			return err
		},
	}
}

// noArgs refuses arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError("%q takes no arguments", cmd.CommandPath())
	}
	return nil
}

// minArgs wants at least n arguments, named what.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageError("%s needs %s (see 'candor %s --help')", cmd.CommandPath(), what, cmd.Name())
		}
		return nil
	}
}

// rangeArgs wants between lo and hi arguments.
func rangeArgs(lo, hi int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return usageError("%s takes %s (see 'candor %s --help')", cmd.CommandPath(), what, cmd.Name())
		}
		return nil
	}
}
