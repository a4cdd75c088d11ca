// Package navigate answers the questions behind go-to-definition,
// references, document highlights and rename, for variables (from the
// scope analysis) and for flake inputs (declarations, outputs formals,
// `inputs.<name>`, follows strings, and their flake.lock nodes). Results
// are byte ranges in files; the server converts them.
package navigate

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
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
		key := declaration(u, name)
		if u.Flake.Inputs[name] == nil {
			// Not declared (a registry input): its formal, and from
			// there its lock node.
			if key.Start <= off && off <= key.End {
				if loc, ok := lockNode(u, name); ok {
					return []Location{loc}
				}
			}
			if key.End == 0 {
				return nil
			}
		}
		if key.Start <= off && off <= key.End {
			// On the declaration itself: its lock node.
			if loc, ok := lockNode(u, name); ok {
				return []Location{loc}
			}
			return []Location{key}
		}
		return []Location{key}
	}
	if loc, ok := indexedDefinition(u, off); ok {
		return loc
	}
	if loc, ok := dependencyDefinition(u, off); ok {
		return loc
	}
	if u.IsFlake() {
		p := u.At(off)
		// A later name of a follows path ("a/<b>"): the input of a
		// dependency it names, in the lock.
		if p.String != syntax.NoNode {
			if names, root, ok := u.ValuePath(p); ok && root == u.TopSet() && len(names) > 0 && names[len(names)-1] == "follows" {
				if s, ok := unit.StringValue(u.View, p.String); ok {
					parts := strings.Split(s, "/")
					at := 0
					for i, pos := 0, p.StringStart; i < len(parts); i++ {
						if off >= pos {
							at = i
						}
						pos += len(parts[i]) + 1
					}
					if at > 0 {
						if loc, ok := lockEdge(u, parts[:at+1]); ok {
							return []Location{loc}
						}
						return nil
					}
				}
			}
		}
		// The name of a dependency's input in an override
		// (`inputs.a.inputs.<b>.follows`): its edge in the lock.
		if p.InKey && !p.KeyGap {
			if names, root, ok := u.KeyPath(p); ok && root == u.TopSet() {
				if dep, ok := unit.DepPath(names); ok {
					if loc, ok := lockEdge(u, dep); ok {
						return []Location{loc}
					}
					return nil
				}
			}
		}
	}
	if u.Scope != nil {
		if b := u.Scope.DefinitionAt(off); b != nil && b.Kind != scope.KindBuiltin {
			if loc, ok := attrDefinition(u, off); ok {
				return []Location{loc}
			}
			return []Location{{Path: u.Path, Start: b.Start, End: b.End}}
		}
	}
	if loc, ok := attrDefinition(u, off); ok {
		return []Location{loc}
	}
	if loc, ok := pathTarget(u, off); ok {
		return []Location{loc}
	}
	return nil
}

// declaration is where an input is first named in `inputs` (for one
// only the outputs' formals name, the formal).
func declaration(u *unit.Unit, name string) Location {
	formal := Location{Path: u.Path}
	for _, r := range inputRefs(u) {
		if r.Write && r.Name == name {
			return Location{Path: u.Path, Start: r.Start, End: r.End}
		}
		if r.Formal && r.Name == name && formal.End == 0 {
			formal = Location{Path: u.Path, Start: r.Start, End: r.End}
		}
	}
	return formal
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
	if n == syntax.NoNode || len(v.NamedChildren(n, nil)) > 0 || u.Path == "" {
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
		if u.Flake.Inputs[name] == nil {
			return Location{}, "", fmt.Errorf("%w: input '%s' is not declared in `inputs`: Nix finds it in the flake registry by this name; declare it (`inputs.%s.url = ...;`) before renaming it", ErrCannotRename, name, name)
		}
		for _, r := range inputRefs(u) {
			if r.Name == name && r.Start <= off && off <= r.End {
				return Location{u.Path, r.Start, r.End}, name, nil
			}
		}
	}
	if u.IsFlake() {
		// The name of a dependency's input is that flake's to choose.
		if p := u.At(off); p.InKey && !p.KeyGap {
			if names, root, ok := u.KeyPath(p); ok && root == u.TopSet() {
				if dep, ok := unit.DepPath(names); ok {
					return Location{}, "", fmt.Errorf("%w: '%s' is an input of '%s', named by that flake", ErrCannotRename, dep[len(dep)-1], strings.Join(dep[:len(dep)-1], "/"))
				}
			}
		}
		if p := u.At(off); p.String != syntax.NoNode {
			if names, root, ok := u.ValuePath(p); ok && root == u.TopSet() && len(names) > 0 && names[len(names)-1] == "follows" {
				return Location{}, "", fmt.Errorf("%w: in a follows path, only the first name (an input of this flake) can be renamed", ErrCannotRename)
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
	if newName == "self" {
		return nil, fmt.Errorf("'self' is the flake itself, not a name an input can have")
	}
	if u.Flake.Inputs[newName] != nil {
		return nil, fmt.Errorf("an input named '%s' already exists (%s)", newName, lineText(u, InputDeclarationStart(u, newName)))
	}
	if _, ok := u.Flake.Formals[newName]; ok {
		return nil, fmt.Errorf("the outputs function already has an argument '%s'", newName)
	}
	if u.Scope != nil && u.Flake.Outputs != syntax.NoNode {
		for _, b := range u.Scope.Bindings {
			if b.Def == u.Flake.Outputs && (b.Kind == scope.KindAt || b.Kind == scope.KindParam) && b.Name == newName {
				return nil, fmt.Errorf("'%s' already names the outputs function's whole argument (%s)", newName, lineText(u, b.Start))
			}
		}
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
			if inheritsName(u, u.View.At(r.Start)) && !r.Formal {
				return nil, fmt.Errorf("input '%s' is used by `inherit %s;` (%s), which would then define '%s' instead: rewrite it as `%s = %s;` first", name, name, lineText(u, r.Start), newName, name, name)
			}
		}
		if r.Inherit {
			// `inherit (inputs) name;` defines a name: in a let, rename
			// its uses too; in a set, the attribute would change.
			b := u.Scope.DefinitionAt(r.Start)
			if b == nil || b.Kind != scope.KindLet {
				return nil, fmt.Errorf("input '%s' is inherited by `inherit (...) %s;` (%s), which would then define the attribute '%s' instead: rewrite it as `%s = inputs.%s;` first", name, name, lineText(u, r.Start), newName, name, name)
			}
			if other := b.Scope.Lookup(newName); other != nil {
				return nil, fmt.Errorf("'%s' is already defined in the same let (%s)", newName, lineText(u, other.Start))
			}
			for _, ref := range u.Scope.References(b) {
				if ref.Kind != scope.Read || ref.Implicit {
					continue
				}
				if inheritsName(u, ref.Node) {
					return nil, fmt.Errorf("'%s' is used by `inherit %s;` (%s), which would then define another attribute: rewrite it as `%s = %s;` first", name, name, lineText(u, ref.Start), name, name)
				}
				if err := checkCaptureOf(u, ref.Start, newName, b); err != nil {
					return nil, err
				}
				edits = append(edits, Edit{Location{u.Path, ref.Start, ref.End}, newName})
			}
		}
		edits = append(edits, Edit{Location{u.Path, r.Start, r.End}, newName})
	}
	return dedupe(edits), nil
}

// RenameLock is the flake.lock side of renaming the input at off (see
// Rename, which must succeed first): the root's edge and the first name
// of every follows path (paths start at the root), so that the lock still
// pins what it pinned. Nil when the name is not an input or there is no
// lock.
func RenameLock(u *unit.Unit, off int, newName string) []Edit {
	name, ok := inputAt(u, off)
	if !ok || name == newName {
		return nil
	}
	return lockRenames(u, name, newName)
}

// lockRenames renames an input of the root in flake.lock.
func lockRenames(u *unit.Unit, name, newName string) []Edit {
	lf := u.Lock
	if lf == nil || u.LockPath == "" || u.LockSrc == nil {
		return nil
	}
	var edits []Edit
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if n == nil {
			continue
		}
		for _, e := range n.Inputs {
			switch {
			case key == lf.Root && e.Name == name:
				edits = append(edits, Edit{Location{u.LockPath, e.KeyStart + 1, e.KeyEnd - 1}, newName})
			case e.IsFollows && len(e.Follows) > 0 && e.Follows[0] == name:
				if start, end, i := followsItem(u.LockSrc, e, firstItem(u.LockSrc, e)); i == 0 {
					edits = append(edits, Edit{Location{u.LockPath, start, end}, newName})
				}
			}
		}
	}
	return edits
}

// firstItem is the offset of a follows array's first string.
func firstItem(src []byte, e *lockfile.Edge) int {
	for i := e.Start; i < e.End && i < len(src); i++ {
		if src[i] == '"' {
			return i + 1
		}
	}
	return e.Start
}

// lineText says where an offset is, for messages: "line 12".
func lineText(u *unit.Unit, off int) string {
	if off < 0 || off > len(u.Src) {
		return "line ?"
	}
	return fmt.Sprintf("line %d", bytes.Count(u.Src[:off], []byte("\n"))+1)
}

// InputDeclarationStart is the offset of an input's declaration, -1 if
// none.
func InputDeclarationStart(u *unit.Unit, name string) int {
	if loc, ok := InputDeclaration(u, name); ok {
		return loc.Start
	}
	return -1
}

func isVariable(u *unit.Unit, off int) bool {
	n := u.View.At(off)
	return u.View.Is(n, grammar.KindIdentifier)
}

// checkCapture fails when newName already means something at off (a
// binding of the same name in a scope between).
func checkCapture(u *unit.Unit, off int, newName string) error {
	return checkCaptureOf(u, off, newName, nil)
}

// checkCaptureOf is checkCapture where the binding being renamed (b, or
// nil) does not count.
func checkCaptureOf(u *unit.Unit, off int, newName string, b *scope.Binding) error {
	if u.Scope == nil {
		return nil
	}
	for _, vb := range u.Scope.VisibleAt(off) {
		if vb.Name == newName && vb != b && vb.Kind != scope.KindBuiltin {
			return fmt.Errorf("'%s' is already defined (%s) and would capture the use at %s", newName, lineText(u, vb.Start), lineText(u, off))
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
		return nil, fmt.Errorf("'%s' is already defined in the same scope (%s)", newName, lineText(u, other.Start))
	}
	if err := recAttributeUse(u, b); err != nil {
		return nil, err
	}
	var edits []Edit
	for _, r := range u.Scope.References(b) {
		if r.Implicit {
			continue
		}
		if r.Kind == scope.Read {
			if inheritsName(u, r.Node) {
				return nil, fmt.Errorf("'%s' is used by `inherit %s;` (%s), which would then define another attribute: rewrite it as `%s = %s;` first", b.Name, b.Name, lineText(u, r.Start), b.Name, b.Name)
			}
			// The new name must not be bound more tightly at a use.
			for _, vb := range u.Scope.VisibleAt(r.Start) {
				if vb.Name == newName && vb != b && vb.Kind != scope.KindBuiltin {
					return nil, fmt.Errorf("renaming to '%s' would make the use at %s refer to the '%s' defined at %s", newName, lineText(u, r.Start), newName, lineText(u, vb.Start))
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

// InputDeclaration is where flake.nix declares a top-level input.
func InputDeclaration(u *unit.Unit, name string) (Location, bool) {
	loc := declaration(u, name)
	return loc, loc.End > 0
}

// attrDefinition: an attribute selected from a variable bound to a set
// literal (`helpers.double`, `inherit (helpers) double;`) leads to where
// the literal defines it.
func attrDefinition(u *unit.Unit, off int) (Location, bool) {
	v := u.View
	if u.Scope == nil {
		return Location{}, false
	}
	n := v.At(off)
	if n == syntax.NoNode || !(v.Is(n, grammar.KindAttribute) || v.Is(n, grammar.KindIdentifier) || v.Is(n, grammar.KindString)) {
		return Location{}, false
	}
	var base syntax.NodeID
	var names []string
	switch ap := v.Parent(n); {
	case ap != syntax.NoNode && v.Is(ap, grammar.KindAttrpath) && v.Is(v.Parent(ap), grammar.KindSelect) && v.Child(v.Parent(ap), grammar.FieldAttrpath) == ap:
		base = v.Child(v.Parent(ap), grammar.FieldExpression)
		for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
			if !v.IsNamed(c) || v.IsExtra(c) {
				continue
			}
			name, ok := unit.StaticName(v, c)
			if !ok {
				return Location{}, false
			}
			names = append(names, name)
			if c == n {
				break
			}
		}
	case ap != syntax.NoNode && v.Is(ap, grammar.KindInherit) && v.FieldName(n) == grammar.FieldAttribute:
		base = unparen(v, v.Child(ap, grammar.FieldSource))
		name, ok := unit.StaticName(v, n)
		if !ok {
			return Location{}, false
		}
		names = []string{name}
	default:
		return Location{}, false
	}
	if base == syntax.NoNode || !v.Is(base, grammar.KindIdentifier) {
		return Location{}, false
	}
	b := u.Scope.DefinitionAt(v.Start(base))
	if b == nil || b.Value == syntax.NoNode {
		return Location{}, false
	}
	set := u.LiteralSet(b.Value)
	if set == syntax.NoNode {
		return Location{}, false
	}
	seg, ok := u.AttrDefinition(set, names)
	if !ok {
		return Location{}, false
	}
	return Location{Path: u.Path, Start: seg.Start, End: seg.End}, true
}

// recAttributeUse refuses to rename an attribute of a rec set bound to a
// variable when the file also selects it by name from that variable
// (`helpers.double`, `inherit (helpers) double;`): those would not follow.
func recAttributeUse(u *unit.Unit, b *scope.Binding) error {
	if b.Kind != scope.KindRecAttr || b.Scope == nil {
		return nil
	}
	v := u.View
	set := b.Scope.Node
	holder := v.Parent(set)
	for holder != syntax.NoNode && v.Is(holder, grammar.KindParenthesized) {
		holder = v.Parent(holder)
	}
	if holder == syntax.NoNode || !v.Is(holder, grammar.KindBinding) {
		return nil
	}
	vb := u.Scope.DefinitionAt(v.Start(v.Child(holder, grammar.FieldAttrpath)))
	if vb == nil || vb.Value == syntax.NoNode || u.LiteralSet(vb.Value) != set {
		return nil
	}
	for _, r := range u.Scope.References(vb) {
		if r.Kind != scope.Read {
			continue
		}
		n := r.Node
		up := v.Parent(n)
		switch {
		case up != syntax.NoNode && v.Is(up, grammar.KindSelect) && v.Child(up, grammar.FieldExpression) == n:
			if seg, ok := memberAfter(v, n); ok && seg.Name == b.Name {
				return fmt.Errorf("'%s' is also read as `%s.%s` (%s), which would not follow: rename it there too, by hand", b.Name, vb.Name, b.Name, lineText(u, seg.Start))
			}
		default:
			for _, ir := range inheritedFrom(v, n) {
				if ir.Name == b.Name {
					return fmt.Errorf("'%s' is also read by `inherit (%s) %s;` (%s), which would not follow: rename it there too, by hand", b.Name, vb.Name, b.Name, lineText(u, ir.Start))
				}
			}
		}
	}
	return nil
}
