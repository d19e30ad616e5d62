package main

import "github.com/spf13/cobra"

// SchemaOptions are the inputs of 'candor schema'.
// PLACEHOLDER: replaced by the command's real implementation.
type SchemaOptions struct{}

// NewCmdSchema is a placeholder until 'schema' is built.
func NewCmdSchema(f *Factory, runF func(*SchemaOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:    "schema",
		Short:  "(not built yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput("'candor schema' is not built yet")
		},
	}
}
