package main

import (
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
			return usageError("%s cannot be combined with %s: %s", set[0], strings.Join(set[1:], " or "), why)
		}
		return nil
	})
}
