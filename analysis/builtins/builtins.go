// Package builtins describes Nix's built-in values and functions: every
// attribute of `builtins` and which of them are also in scope without the
// `builtins.` prefix (as `map`, `toString`, or `__`-prefixed as `__add`).
// Scope analysis uses it as the global scope; completion and hover show
// its descriptions and signatures.
package builtins

import (
	"sort"
	"strings"
)

// Builtin is one attribute of `builtins`.
type Builtin struct {
	// Name is the attribute name: builtins.<Name>.
	Name string
	// Global is the name in the global scope: Name itself for the few
	// reachable without a prefix (map, toString, import, ...), "__"+Name
	// for the others.
	Global string
	// Args names the arguments of a function; nil for a constant.
	Args []string
	// Doc says in one line what it does (written for flake-lsp).
	Doc string
	// Since is the first Nix version that has it; "" when every Nix 2.x
	// release has it.
	Since string
	// Requires names the experimental feature or setting without which it
	// does not exist ("" when always there).
	Requires string
}

// Arity is the number of arguments a function takes, 0 for a constant.
func (b *Builtin) Arity() int { return len(b.Args) }

// IsFunction reports whether it takes arguments.
func (b *Builtin) IsFunction() bool { return b.Args != nil }

// Signature is "builtins.Name arg1 arg2", or "builtins.Name" for a
// constant.
func (b *Builtin) Signature() string {
	if len(b.Args) == 0 {
		return "builtins." + b.Name
	}
	return "builtins." + b.Name + " " + strings.Join(b.Args, " ")
}

// topLevel lists the builtins Nix puts in the global scope under their own
// name; every other one is there as "__"+Name.
var topLevel = map[string]bool{
	"abort": true, "baseNameOf": true, "break": true, "builtins": true, "derivation": true,
	"derivationStrict": true, "dirOf": true, "false": true, "fetchGit": true, "fetchMercurial": true,
	"fetchTarball": true, "fetchTree": true, "fromTOML": true, "import": true, "isNull": true, "map": true,
	"null": true, "placeholder": true, "removeAttrs": true, "scopedImport": true, "throw": true,
	"toString": true, "true": true,
}

var (
	byName   = map[string]*Builtin{}
	byGlobal = map[string]*Builtin{}
	globals  []*Builtin
)

func init() {
	for i := range table {
		b := &table[i]
		if b.Global != "" {
			panic("builtins: Global is derived, not written: " + b.Name)
		}
		if topLevel[b.Name] {
			b.Global = b.Name
		} else {
			b.Global = "__" + b.Name
		}
		if byName[b.Name] != nil {
			panic("builtins: duplicate " + b.Name)
		}
		byName[b.Name] = b
		byGlobal[b.Global] = b
		globals = append(globals, b)
	}
	sort.Slice(globals, func(i, j int) bool { return globals[i].Global < globals[j].Global })
}

// All returns every builtin, sorted by Name. The slice is shared: do not
// modify it.
func All() []Builtin { return table }

// Lookup finds builtins.<name>.
func Lookup(name string) *Builtin { return byName[name] }

// Global finds a name of the global scope ("map", "__add", "true").
func Global(name string) *Builtin { return byGlobal[name] }

// Globals returns the builtins of the global scope sorted by their global
// name. The slice is shared: do not modify it.
func Globals() []*Builtin { return globals }
