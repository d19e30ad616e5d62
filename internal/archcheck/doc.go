// Package archcheck holds tests of the architecture itself (docs/architecture.md): that the
// checklists there name every place they promise to name. It has no code of its own.
package archcheck
