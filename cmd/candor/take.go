package main

import "github.com/spf13/cobra"

// TakeOptions are the inputs of 'candor take'.
// PLACEHOLDER: replaced by the command's real implementation.
type TakeOptions struct{}

// NewCmdTake is a placeholder until 'take' is built.
func NewCmdTake(f *Factory, runF func(*TakeOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "take [BANK]",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor take' is not built yet")
		},
	}
}
