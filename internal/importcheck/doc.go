// Package importcheck holds only a test: it enforces what docs/security.md
// promises, by reading the import graph (`go list -deps -json`) and the
// source of every package linked into the flake-lsp binary (go/ast): the
// analyses cannot reach a network or run a program, the only program the
// server runs is the user's formatter, and the only file it writes is the
// log file the user names. It also checks that `make fuzz` runs every
// fuzz target of the module (docs/reliability.md).
package importcheck
