package main

import "github.com/spf13/cobra"

// ScoreOptions are the inputs of 'candor score'.
// PLACEHOLDER: replaced by the command's real implementation.
type ScoreOptions struct{}

// NewCmdScore is a placeholder until 'score' is built.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "score RESPONSE...",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor score' is not built yet")
		},
	}
}
