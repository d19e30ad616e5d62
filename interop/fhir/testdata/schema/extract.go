//go:build ignore

// Command extract keeps, of the official FHIR R4 JSON schema (fhir.schema.json, 3.4 MB), the
// definitions Questionnaire, QuestionnaireResponse and Bundle reference, with Bundle's
// ResourceList narrowed to those two: go run extract.go FHIR.SCHEMA.JSON > fhir-r4-subset.schema.json
package main

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var full map[string]any
	if err := json.Unmarshal(src, &full); err != nil {
		panic(err)
	}
	defs := full["definitions"].(map[string]any)
	keep := map[string]any{}
	todo := []string{"Questionnaire", "QuestionnaireResponse", "Bundle"}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if _, ok := keep[n]; ok {
			continue
		}
		keep[n] = defs[n]
		if n == "ResourceList" {
			continue
		}
		var refs func(x any)
		refs = func(x any) {
			switch x := x.(type) {
			case map[string]any:
				for k, v := range x {
					if s, ok := v.(string); ok && k == "$ref" {
						todo = append(todo, s[strings.LastIndex(s, "/")+1:])
					} else {
						refs(v)
					}
				}
			case []any:
				for _, v := range x {
					refs(v)
				}
			}
		}
		refs(defs[n])
	}
	resources := []any{
		map[string]any{"$ref": "#/definitions/Questionnaire"},
		map[string]any{"$ref": "#/definitions/QuestionnaireResponse"},
	}
	keep["ResourceList"] = map[string]any{"oneOf": resources}
	names := make([]string, 0, len(keep))
	for n := range keep {
		names = append(names, n)
	}
	sort.Strings(names)
	out := map[string]any{
		"$schema":     full["$schema"],
		"id":          full["id"],
		"description": full["description"].(string) + ". A subset: the definitions Questionnaire, QuestionnaireResponse and Bundle use (see README.md).",
		"oneOf":       append(resources, map[string]any{"$ref": "#/definitions/Bundle"}),
		"definitions": keep,
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
