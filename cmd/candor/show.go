package main

import "github.com/spf13/cobra"

// ShowOptions are the inputs of 'candor show'.
// PLACEHOLDER: replaced by the command's real implementation.
type ShowOptions struct{}

// NewCmdShow is a placeholder until 'show' is built.
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "show BANK",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor show' is not built yet")
		},
	}
}
