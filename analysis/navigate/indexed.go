package navigate

import (
	"github.com/flake-lsp/flake-lsp/analysis/env"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
)

// indexedDefinition: a lib function, a package or an option being set
// leads to where the input's source defines or declares it.
func indexedDefinition(u *unit.Unit, off int) ([]Location, bool) {
	ref, ok := env.At(u, off)
	if !ok {
		return nil, false
	}
	file, start, end := ref.File()
	if file == "" {
		return nil, false
	}
	return []Location{{Path: file, Start: start, End: end}}, true
}
