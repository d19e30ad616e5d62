package main

import "github.com/spf13/cobra"

// CompareOptions are the inputs of 'candor compare'.
// PLACEHOLDER: replaced by the command's real implementation.
type CompareOptions struct{}

// NewCmdCompare is a placeholder until 'compare' is built.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "compare A B",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor compare' is not built yet")
		},
	}
}
