// Package navigate answers the questions behind go-to-definition,
// references, document highlights and rename, for variables (from the
// scope analysis) and for flake inputs (declarations, outputs formals,
// `inputs.<name>`, follows strings, and their flake.lock nodes). Results
// are byte ranges in files; the server converts them.
package navigate

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Location is a byte range in a file.
type Location struct {
	Path       string
	Start, End int
}

// Occurrence is a reference, telling definitions (Write) from uses.
type Occurrence struct {
	Location
	Write bool
}

// Edit replaces a range of a file.
type Edit struct {
	Location
	NewText string
}

func sortRefs(refs []inputRef) {
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].Start < refs[j].Start })
}

// Definition returns where the thing named at off is defined.
func Definition(u *unit.Unit, off int) []Location {
	if u.View == nil {
		return nil
	}
	if name, ok := inputAt(u, off); ok {
		in := u.Flake.Inputs[name]
		if in == nil {
			return nil
		}
		key := declaration(u, name)
		if key.Start <= off && off <= key.End {
			// On the declaration itself: its lock node.
			if loc, ok := lockNode(u, name); ok {
				return []Location{loc}
			}
			return []Location{key}
		}
		return []Location{key}
	}
	if u.Scope != nil {
		if b := u.Scope.DefinitionAt(off); b != nil && b.Kind != scope.KindBuiltin {
			return []Location{{Path: u.Path, Start: b.Start, End: b.End}}
		}
	}
	if loc, ok := pathTarget(u, off); ok {
		return []Location{loc}
	}
	return nil
}

// declaration is where an input is first named in `inputs`.
func declaration(u *unit.Unit, name string) Location {
	for _, r := range inputRefs(u) {
		if r.Write && r.Name == name {
			return Location{Path: u.Path, Start: r.Start, End: r.End}
		}
	}
	return Location{Path: u.Path}
}

// lockNode is the flake.lock node key an input of the root locks to.
func lockNode(u *unit.Unit, name string) (Location, bool) {
	lf := u.Lock
	if lf == nil || u.LockPath == "" {
		return Location{}, false
	}
	root := lf.Nodes[lf.Root]
	if root == nil {
		return Location{}, false
	}
	e := root.Input(name)
	if e == nil {
		return Location{}, false
	}
	target, err := lf.Resolve([]string{name})
	if err != nil || target == nil {
		return Location{Path: u.LockPath, Start: e.KeyStart, End: e.KeyEnd}, true
	}
	return Location{Path: u.LockPath, Start: target.KeyStart, End: target.KeyEnd}, true
}

// pathTarget: a relative path literal leads to its file (default.nix for
// a directory).
func pathTarget(u *unit.Unit, off int) (Location, bool) {
	v := u.View
	n := v.At(off)
	for n != syntax.NoNode && !v.Is(n, grammar.KindPath) {
		n = v.Parent(n)
	}
	if n == syntax.NoNode || v.Child(n, grammar.FieldExpression) != syntax.NoNode || u.Path == "" {
		return Location{}, false
	}
	text := v.Text(n)
	if !strings.HasPrefix(text, "./") && !strings.HasPrefix(text, "../") && !strings.HasPrefix(text, "/") {
		return Location{}, false
	}
	target := text
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(u.Path), text)
	}
	return Location{Path: target, Start: -1, End: -1}, true
}

// References lists every occurrence of what is named at off, the
// definition included when includeDecl.
func References(u *unit.Unit, off int, includeDecl bool) []Occurrence {
	var out []Occurrence
	if name, ok := inputAt(u, off); ok {
		for _, r := range inputRefs(u) {
			if r.Name == name && (includeDecl || !r.Write) {
				out = append(out, Occurrence{Location{u.Path, r.Start, r.End}, r.Write})
			}
		}
		return out
	}
	if u.Scope == nil {
		return nil
	}
	b := u.Scope.DefinitionAt(off)
	if b == nil || b.Kind == scope.KindBuiltin {
		return nil
	}
	for _, r := range u.Scope.References(b) {
		if r.Implicit || r.Kind == scope.Write && !includeDecl {
			continue
		}
		out = append(out, Occurrence{Location{u.Path, r.Start, r.End}, r.Kind == scope.Write})
	}
	return out
}

// Highlights are the references in the same file.
func Highlights(u *unit.Unit, off int) []Occurrence {
	var out []Occurrence
	for _, o := range References(u, off, true) {
		if o.Path == u.Path {
			out = append(out, o)
		}
	}
	return out
}

var (
	identifierRE = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_'-]*$`)
	inputNameRE  = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_-]*$`)
	keywords     = map[string]bool{"assert": true, "else": true, "if": true, "in": true, "inherit": true, "let": true, "or": true, "rec": true, "then": true, "with": true}
)

// ErrCannotRename is returned (wrapped) when nothing renamable is at the
// offset.
var ErrCannotRename = errors.New("nothing to rename here")

// PrepareRename returns the range of the name at off and the name.
func PrepareRename(u *unit.Unit, off int) (Location, string, error) {
	if name, ok := inputAt(u, off); ok {
		for _, r := range inputRefs(u) {
			if r.Name == name && r.Start <= off && off <= r.End {
				return Location{u.Path, r.Start, r.End}, name, nil
			}
		}
	}
	if u.Scope == nil {
		return Location{}, "", ErrCannotRename
	}
	for _, r := range u.Scope.RefsAt(off) {
		if r.Implicit {
			continue
		}
		if r.Binding == nil {
			return Location{}, "", fmt.Errorf("%w: '%s' is not defined in this file", ErrCannotRename, textOf(u, r.Start, r.End))
		}
		if r.Binding.Kind == scope.KindBuiltin {
			return Location{}, "", fmt.Errorf("%w: '%s' is a builtin", ErrCannotRename, r.Binding.Name)
		}
		return Location{u.Path, r.Start, r.End}, r.Binding.Name, nil
	}
	return Location{}, "", ErrCannotRename
}

func textOf(u *unit.Unit, start, end int) string { return string(u.Src[start:end]) }

// Rename renames what is named at off to newName, or says why not.
func Rename(u *unit.Unit, off int, newName string) ([]Edit, error) {
	if _, _, err := PrepareRename(u, off); err != nil {
		return nil, err
	}
	if name, ok := inputAt(u, off); ok {
		return renameInput(u, name, newName)
	}
	return renameBinding(u, off, newName)
}

func renameInput(u *unit.Unit, name, newName string) ([]Edit, error) {
	if !inputNameRE.MatchString(newName) {
		return nil, fmt.Errorf("'%s' is not a valid input name (letters, digits, '-' and '_', starting with a letter)", newName)
	}
	if keywords[newName] {
		return nil, fmt.Errorf("'%s' is a keyword", newName)
	}
	if newName == name {
		return nil, nil
	}
	if u.Flake.Inputs[newName] != nil || newName == "self" {
		return nil, fmt.Errorf("an input named '%s' already exists", newName)
	}
	if _, ok := u.Flake.Formals[newName]; ok {
		return nil, fmt.Errorf("the outputs function already has an argument '%s'", newName)
	}
	var edits []Edit
	for _, r := range inputRefs(u) {
		if r.Name != name {
			continue
		}
		if r.Formal || !r.Write && isVariable(u, r.Start) {
			// A formal and its uses are variables: check that the new
			// name is not already bound where they are.
			if err := checkCapture(u, r.Start, newName); err != nil {
				return nil, err
			}
		}
		edits = append(edits, Edit{Location{u.Path, r.Start, r.End}, newName})
	}
	return dedupe(edits), nil
}

func isVariable(u *unit.Unit, off int) bool {
	n := u.View.At(off)
	return u.View.Is(n, grammar.KindIdentifier)
}

// checkCapture fails when newName already means something at off (a
// binding of the same name in a scope between).
func checkCapture(u *unit.Unit, off int, newName string) error {
	if u.Scope == nil {
		return nil
	}
	for _, b := range u.Scope.VisibleAt(off) {
		if b.Name == newName && b.Kind != scope.KindBuiltin {
			return fmt.Errorf("'%s' is already defined at byte %d and would be captured", newName, b.Start)
		}
	}
	return nil
}

func renameBinding(u *unit.Unit, off int, newName string) ([]Edit, error) {
	b := u.Scope.DefinitionAt(off)
	if b == nil || b.Kind == scope.KindBuiltin {
		return nil, ErrCannotRename
	}
	if !identifierRE.MatchString(newName) || keywords[newName] {
		return nil, fmt.Errorf("'%s' is not a valid Nix identifier", newName)
	}
	if newName == b.Name {
		return nil, nil
	}
	if other := b.Scope.Lookup(newName); other != nil {
		return nil, fmt.Errorf("'%s' is already defined in the same scope", newName)
	}
	var edits []Edit
	for _, r := range u.Scope.References(b) {
		if r.Implicit {
			continue
		}
		if r.Kind == scope.Read {
			if inheritsName(u, r.Node) {
				return nil, fmt.Errorf("'%s' is used by `inherit %s;`, which would then define another attribute: rewrite it as `%s = %s;` first", b.Name, b.Name, b.Name, b.Name)
			}
			// The new name must not be bound more tightly at a use.
			for _, vb := range u.Scope.VisibleAt(r.Start) {
				if vb.Name == newName && vb != b && vb.Kind != scope.KindBuiltin {
					return nil, fmt.Errorf("renaming to '%s' would make the use at byte %d refer to another '%s'", newName, r.Start, newName)
				}
			}
		}
		edits = append(edits, Edit{Location{u.Path, r.Start, r.End}, newName})
	}
	return dedupe(edits), nil
}

// inheritsName: the read is the name in `inherit x;` (no source), which
// also names the attribute.
func inheritsName(u *unit.Unit, n syntax.NodeID) bool {
	v := u.View
	if n == syntax.NoNode {
		return false
	}
	p := v.Parent(n)
	return p != syntax.NoNode && v.Is(p, grammar.KindInherit) && v.Child(p, grammar.FieldSource) == syntax.NoNode
}

func dedupe(edits []Edit) []Edit {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []Edit
	for _, e := range edits {
		if len(out) > 0 && out[len(out)-1].Start == e.Start {
			continue
		}
		out = append(out, e)
	}
	return out
}

// LockInputAt is the top-level input whose flake.lock node (or root
// edge) is named at off in the lock file: for the flake.lock to flake.nix
// direction of Definition.
func LockInputAt(u *unit.Unit, off int) (string, bool) {
	lf := u.Lock
	if lf == nil {
		return "", false
	}
	root := lf.Nodes[lf.Root]
	if root == nil {
		return "", false
	}
	for _, e := range root.Inputs {
		if e.KeyStart <= off && off <= e.KeyEnd || e.Start <= off && off <= e.End {
			return e.Name, true
		}
	}
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if n == nil || !(n.KeyStart <= off && off <= n.KeyEnd) {
			continue
		}
		for _, e := range root.Inputs {
			if t, err := lf.Resolve([]string{e.Name}); err == nil && t == n {
				return e.Name, true
			}
		}
	}
	return "", false
}

// InputDeclaration is where flake.nix declares a top-level input.
func InputDeclaration(u *unit.Unit, name string) (Location, bool) {
	loc := declaration(u, name)
	return loc, loc.End > 0
}
