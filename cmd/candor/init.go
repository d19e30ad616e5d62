package main

import "github.com/spf13/cobra"

// InitOptions are the inputs of 'candor init'.
// PLACEHOLDER: replaced by the command's real implementation.
type InitOptions struct{}

// NewCmdInit is a placeholder until 'init' is built.
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "init FILE",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor init' is not built yet")
		},
	}
}
