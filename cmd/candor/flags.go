package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
)

// addPreRun adds a check that runs before the command, after the checks added before it.
func addPreRun(cmd *cobra.Command, check func(c *cobra.Command, args []string) error) {
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(c, args); err != nil {
				return err
			}
		}
		return check(c, args)
	}
}

// exclusiveFlags refuses a command line that gives more than one of the flags names, as a
// usage error (exit 2) that says why: "--no-save cannot be combined with --save: why". The
// flags are also marked mutually exclusive for cobra, so that shell completion stops offering
// the others once one is given.
func exclusiveFlags(cmd *cobra.Command, why string, names ...string) {
	cmd.MarkFlagsMutuallyExclusive(names...)
	addPreRun(cmd, func(c *cobra.Command, _ []string) error {
		var set []string
		for _, n := range names {
			if c.Flags().Changed(n) {
				set = append(set, "--"+n)
			}
		}
		if len(set) > 1 {
			others := strings.Join(set[1:], ", ")                                          // the flags, a list in any language
			return usageErrorKey("%s cannot be combined with %s: %s", set[0], others, why) // words:key
		}
		return nil
	})
}

// runWith is the RunE of a command built as options + run: setArgs (nil for a command without
// arguments) puts the arguments into opts, which the flags have filled; then a test's runF
// gets opts, or run runs the command.
func runWith[O any](opts *O, setArgs func(args []string), runF func(*O) error, run func() error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		if setArgs != nil {
			setArgs(args)
		}
		if runF != nil {
			return runF(opts)
		}
		return run()
	}
}

// outputFlags adds --format (the first of formats is the default) and --width, which every
// command that writes text takes.
func outputFlags(cmd *cobra.Command, format *string, width *int, formats ...string) {
	formatFlag(cmd, format, formats...)
	widthFlag(cmd, width)
}

// optionalArg is the setArgs of runWith for a command with one optional argument: it goes
// into *dst when given.
func optionalArg(dst *string) func(args []string) {
	return func(args []string) {
		if len(args) == 1 {
			*dst = args[0]
		}
	}
}

// commandContext is the command's context, or the background context when it has none (a
// test calling RunE directly). take adds its own signal handling on top.
func commandContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
