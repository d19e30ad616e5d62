package main

import (
	"github.com/spf13/cobra"

	"github.com/candor-app/candor/questionnaire/schema"
)

// SchemaOptions are the inputs of 'candor schema'.
type SchemaOptions struct{}

// NewCmdSchema builds 'candor schema'.
func NewCmdSchema(f *Factory, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{}
	w := f.Words()
	cmd := &cobra.Command{
		Use:   "schema",
		Short: w.T("Print the JSON Schema of the question-bank format, for editors"),
		Long: w.T(`Print the JSON Schema (draft 2020-12) of the question-bank format. An editor with a
YAML language server (VS Code with the YAML extension, Neovim, Helix, ...) uses it to check
a bank and explain each key while you type. Save it next to your banks and put this line
at the top of a bank:

  # yaml-language-server: $schema=bank.schema.json

The schema catches misspelt keys, wrong types and bad ids as you type; 'candor validate'
checks everything else (expressions, bands, references) and runs the bank's tests.`),
		Example: "  candor schema > bank.schema.json",
		Args:    noArgs,
		RunE:    runWith(opts, nil, runF, func() error { return schemaRun(f, opts) }),
	}
	return cmd
}

func schemaRun(f *Factory, _ *SchemaOptions) error {
	_, err := f.IO.Out.Write(schema.Bank)
	return err
}
