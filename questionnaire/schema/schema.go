// Package schema holds the JSON Schema (draft 2020-12) of the question-bank format, for
// editors with a YAML language server. `candor schema` prints it.
package schema

import _ "embed"

// Bank is the JSON Schema of a question bank, format 1.
//
//go:embed bank.schema.json
var Bank []byte

// URL is where the schema is published, for the `# yaml-language-server: $schema=` line.
const URL = "https://github.com/candor-app/candor/raw/main/questionnaire/schema/bank.schema.json"
