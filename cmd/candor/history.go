package main

import "github.com/spf13/cobra"

// HistoryOptions are the inputs of 'candor history'.
// PLACEHOLDER: replaced by the command's real implementation.
type HistoryOptions struct{}

// NewCmdHistory is a placeholder until 'history' is built.
func NewCmdHistory(f *Factory, runF func(*HistoryOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "history RESPONSE...",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor history' is not built yet")
		},
	}
}
