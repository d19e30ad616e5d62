package main

import "github.com/spf13/cobra"

// ListOptions are the inputs of 'candor list'.
// PLACEHOLDER: replaced by the command's real implementation.
type ListOptions struct{}

// NewCmdList is a placeholder until 'list' is built.
func NewCmdList(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "list",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor list' is not built yet")
		},
	}
}
