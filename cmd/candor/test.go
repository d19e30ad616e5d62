package main

import "github.com/spf13/cobra"

// TestOptions are the inputs of 'candor test'.
// PLACEHOLDER: replaced by the command's real implementation.
type TestOptions struct{}

// NewCmdTest is a placeholder until 'test' is built.
func NewCmdTest(f *Factory, runF func(*TestOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "test BANK...",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor test' is not built yet")
		},
	}
}
