package testutil

import (
	"fmt"
	"reflect"
	"slices"
)

// Plain is v as plain data for comparing two values built apart (a bank loaded twice):
// structs become maps of their exported fields but those named in skip, pointers what they
// point to, and a pointer met again on the way down (a cycle) its type. It lets a test say
// "the same bank" while leaving out what must differ, such as source positions.
func Plain(v any, skip ...string) any {
	return plain(reflect.ValueOf(v), skip, map[uintptr]bool{})
}

func plain(v reflect.Value, skip []string, seen map[uintptr]bool) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		if v.Kind() == reflect.Pointer {
			if seen[v.Pointer()] {
				return "cycle " + v.Type().String()
			}
			seen[v.Pointer()] = true
			defer delete(seen, v.Pointer())
		}
		return plain(v.Elem(), skip, seen)
	case reflect.Struct:
		m := map[string]any{}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || slices.Contains(skip, f.Name) {
				continue
			}
			m[f.Name] = plain(v.Field(i), skip, seen)
		}
		return m
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []any(nil)
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = plain(v.Index(i), skip, seen)
		}
		return out
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[fmt.Sprint(k.Interface())] = plain(v.MapIndex(k), skip, seen)
		}
		return m
	}
	return v.Interface()
}
