package options

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// debug makes the walk say on stderr what it skips and opens (set
// OPTIONS_DEBUG=1 when measuring a real tree).
var debug = os.Getenv("OPTIONS_DEBUG") != ""

// maxDepth bounds the following of names, imports and nested types.
const maxDepth = 40

// maxOptionPath bounds the length of an option path read through
// submodules (NixOS's longest are about a dozen names).
const maxOptionPath = 64

// file is one parsed module file.
type file struct {
	rel string // slash-separated, relative to the root
	v   *syntax.View
}

// binding is what a name in scope stands for: an expression of a file
// (with the scope it is read in), or nothing known (a function parameter,
// an inherited name) when n is NoNode.
type binding struct {
	n syntax.NodeID
	e *env
}

// env is a scope: the let bindings and parameters of one level.
type env struct {
	parent *env
	f      *file
	names  map[string]binding
}

func (e *env) lookup(name string) (binding, bool) {
	for s := e; s != nil; s = s.parent {
		if b, ok := s.names[name]; ok {
			return b, true
		}
	}
	return binding{}, false
}

// expr is an expression of a file with the scope it is read in.
type expr struct {
	n syntax.NodeID
	e *env
}

func (x expr) v() *syntax.View { return x.e.f.v }
func (x expr) kind() string    { return x.e.f.v.Kind(x.n) }
func (x expr) text() string    { return x.e.f.v.Text(x.n) }
func (x expr) child(field string) expr {
	return expr{x.e.f.v.Child(x.n, field), x.e}
}
func (x expr) valid() bool { return x.e != nil && x.n != syntax.NoNode }

// result is what walking one top-level module file found.
type result struct {
	decls      []Decl
	open       [][]string
	skipped    int
	unresolved int
	imports    []string // module files to read next (relative to the root)
	loaded     []string // other files read for this one
	bytes      int64
}

// walker reads the declarations of one top-level module file (and of the
// files its submodules and option sets import).
type walker struct {
	b       *builder
	top     *file
	res     result
	handled map[*file]map[syntax.NodeID]bool // rename calls already read
	files   map[string]*file                 // files read in place
	nest    int                              // selections being followed
	// expanding holds the submodules whose options are being read: a
	// submodule whose options include an option of its own type (a
	// let-bound module naming itself) is read once, its repetition left
	// open. Each option's type starts a new depth, so depth alone did
	// not stop that cycle (a fuzzed module read 17,000 levels deep).
	expanding map[nodeKey]bool
}

// nodeKey is a node of a file, whatever the environment it is read in.
type nodeKey struct {
	f *file
	n syntax.NodeID
}

func (w *walker) skip(prefix []string) {
	if debug {
		_, _, line, _ := runtime.Caller(1)
		fmt.Fprintf(os.Stderr, "SKIP %s line %d in %s\n", strings.Join(prefix, "."), line, w.top.rel)
	}
	w.res.skipped++
	w.open(prefix)
}

func (w *walker) open(prefix []string) {
	if len(prefix) < 2 && debug {
		fmt.Fprintf(os.Stderr, "OPEN %v in %s\n", prefix, w.top.rel)
	}
	w.res.open = append(w.res.open, clone(prefix))
}

func clone(p []string) []string { return append([]string(nil), p...) }

func join(p []string, more ...string) []string {
	return append(append(make([]string, 0, len(p)+len(more)), p...), more...)
}

// strip removes what does not change the value of a module or option set:
// parentheses, `with`, `assert`, `let` (its bindings enter the scope), and
// names bound in the file (followed to their value).
func (w *walker) strip(x expr, lambdas bool) expr {
	for depth := 0; depth < maxDepth && x.valid(); depth++ {
		v := x.v()
		switch x.kind() {
		case grammar.KindParenthesized:
			x = x.child(grammar.FieldExpression)
		case grammar.KindWith, grammar.KindAssert:
			x = x.child(grammar.FieldBody)
		case grammar.KindLet:
			e := letEnv(v, x.n, x.e)
			x = expr{v.Child(x.n, grammar.FieldBody), e}
		case grammar.KindLambda:
			if !lambdas {
				return x
			}
			e := &env{parent: x.e, f: x.e.f, names: map[string]binding{}}
			if p := v.Child(x.n, grammar.FieldParameter); p != syntax.NoNode {
				e.names[v.Text(p)] = binding{n: syntax.NoNode}
			}
			if fs := v.Child(x.n, grammar.FieldFormals); fs != syntax.NoNode {
				for _, f := range v.NamedChildren(fs, nil) {
					if v.Is(f, grammar.KindFormal) {
						e.names[v.Text(v.Child(f, grammar.FieldName))] = binding{n: syntax.NoNode}
					}
				}
			}
			x = expr{v.Child(x.n, grammar.FieldBody), e}
		case grammar.KindIdentifier:
			b, ok := x.e.lookup(x.text())
			if !ok || b.n == syntax.NoNode {
				return x
			}
			x = expr(b)
		case grammar.KindAttribute:
			// inherit name; in an attribute set: the name in scope.
			if p := v.Parent(x.n); !v.Is(p, grammar.KindInherit) || v.Child(p, grammar.FieldSource) != syntax.NoNode {
				return x
			}
			b, ok := x.e.lookup(x.text())
			if !ok || b.n == syntax.NoNode {
				return x
			}
			x = expr(b)
		case grammar.KindSelect:
			y, ok := w.selected(x, depth)
			if !ok {
				return x
			}
			x = y
		default:
			return x
		}
	}
	return x
}

// selected is the value a.b.c stands for when a is an attribute set of
// the file (or one a file imported with a literal path returns) that
// binds b.c plainly.
func (w *walker) selected(x expr, depth int) (expr, bool) {
	if w.nest > maxDepth {
		return expr{}, false
	}
	w.nest++
	defer func() { w.nest-- }()
	v := x.v()
	if v.Child(x.n, grammar.FieldDefault) != syntax.NoNode {
		return expr{}, false
	}
	base := x.child(grammar.FieldExpression)
	if base.kind() != grammar.KindIdentifier && base.kind() != grammar.KindParenthesized {
		return expr{}, false
	}
	base = w.strip(base, false)
	if base.kind() == grammar.KindApply {
		head, args := flatten(base)
		if w.name(head) != "import" || len(args) < 1 {
			return expr{}, false
		}
		f := w.load(w.strip(args[0], false), depth)
		if f == nil {
			return expr{}, false
		}
		base = w.strip(rootOf(f), true)
	}
	for _, a := range v.NamedChildren(v.Child(x.n, grammar.FieldAttrpath), nil) {
		if !v.Is(a, grammar.KindAttribute) || (base.kind() != grammar.KindAttrset && base.kind() != grammar.KindRecAttrset) {
			return expr{}, false
		}
		bv := base.v()
		var next expr
		for c := bv.FirstChild(base.n); c != syntax.NoNode; c = bv.Next(c) {
			if bv.Kind(c) != grammar.KindBinding {
				continue
			}
			segs := bv.NamedChildren(bv.Child(c, grammar.FieldAttrpath), nil)
			if len(segs) == 1 && bv.Is(segs[0], grammar.KindAttribute) && bv.Text(segs[0]) == v.Text(a) {
				e := base.e
				if base.kind() == grammar.KindRecAttrset {
					e = letEnv(bv, base.n, base.e)
				}
				next = expr{bv.Child(c, grammar.FieldValue), e}
				break
			}
		}
		if !next.valid() {
			return expr{}, false
		}
		base = w.strip(next, false)
	}
	return base, true
}

// letEnv is the scope of a let's body: its plain bindings (name = value);
// inherited names are bound to nothing known.
func letEnv(v *syntax.View, n syntax.NodeID, parent *env) *env {
	e := &env{parent: parent, f: parent.f, names: map[string]binding{}}
	for c := v.FirstChild(n); c != syntax.NoNode; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindBinding:
			segs := v.NamedChildren(v.Child(c, grammar.FieldAttrpath), nil)
			if len(segs) == 1 && v.Is(segs[0], grammar.KindAttribute) {
				e.names[v.Text(segs[0])] = binding{n: v.Child(c, grammar.FieldValue), e: e}
			} else if len(segs) > 0 && v.Is(segs[0], grammar.KindAttribute) {
				e.names[v.Text(segs[0])] = binding{n: syntax.NoNode}
			}
		case grammar.KindInherit:
			for _, a := range v.Children(c, grammar.FieldAttribute, nil) {
				e.names[v.Text(a)] = binding{n: syntax.NoNode}
			}
		}
	}
	return e
}

// flatten is an application's function and its arguments, in order.
func flatten(x expr) (expr, []expr) {
	var args []expr
	for x.valid() && x.kind() == grammar.KindApply {
		args = append(args, x.child(grammar.FieldArgument))
		x = x.child(grammar.FieldFunction)
	}
	for i, j := 0, len(args)-1; i < j; i, j = i+1, j-1 {
		args[i], args[j] = args[j], args[i]
	}
	return x, args
}

// libPrefixes are dropped from a function's or type's dotted name:
// lib.options.mkOption is mkOption, lib.types.ints.u16 is ints.u16.
var libPrefixes = []string{"lib.", "options.", "modules.", "types.", "trivial.", "lists.", "attrsets.", "strings."}

// name is the dotted name an expression spells (an identifier, or a
// select of static attributes on one), lib's namespaces removed; names
// bound in the file are followed when they stand for another name. It is
// "" for anything else (a local helper, a computed selection).
func (w *walker) name(x expr) string {
	if w.nest > maxDepth {
		return ""
	}
	w.nest++
	defer func() { w.nest-- }()
	{
		x = w.strip(x, false)
		if !x.valid() {
			return ""
		}
		v := x.v()
		var full string
		switch x.kind() {
		case grammar.KindIdentifier:
			if b, ok := x.e.lookup(x.text()); ok && b.n != syntax.NoNode {
				return "" // strip stopped on it: not followed
			}
			full = x.text()
		case grammar.KindSelect:
			if v.Child(x.n, grammar.FieldDefault) != syntax.NoNode {
				return ""
			}
			base := x.child(grammar.FieldExpression)
			var parts []string
			for _, a := range v.NamedChildren(v.Child(x.n, grammar.FieldAttrpath), nil) {
				if !v.Is(a, grammar.KindAttribute) {
					return ""
				}
				parts = append(parts, v.Text(a))
			}
			if base.kind() != grammar.KindIdentifier {
				return ""
			}
			if b, ok := base.e.lookup(base.text()); ok && b.n != syntax.NoNode {
				// types = lib.types; mkOpt = lib.mkOption: read through.
				inner := w.name(expr(b))
				if inner == "" {
					return ""
				}
				full = inner + "." + strings.Join(parts, ".")
			} else {
				full = base.text() + "." + strings.Join(parts, ".")
			}
		default:
			return ""
		}
		for changed := true; changed; {
			changed = false
			for _, p := range libPrefixes {
				if strings.HasPrefix(full, p) && len(full) > len(p) {
					full = full[len(p):]
					changed = true
				}
			}
		}
		return full
	}
}

// module reads a module (an attribute set, a function returning one, a
// path to a file holding one) whose options lie under prefix.
func (w *walker) module(x expr, prefix []string, depth int) {
	if depth > maxDepth {
		w.skip(prefix)
		return
	}
	x = w.strip(x, true)
	if !x.valid() {
		return
	}
	v := x.v()
	switch x.kind() {
	case grammar.KindAttrset, grammar.KindRecAttrset:
		e := x.e
		if x.kind() == grammar.KindRecAttrset {
			e = letEnv(v, x.n, x.e)
		}
		for c := v.FirstChild(x.n); c != syntax.NoNode; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindBinding:
				w.moduleBinding(expr{c, e}, prefix, depth)
			case grammar.KindInherit:
				src := v.Child(c, grammar.FieldSource)
				for _, a := range v.Children(c, grammar.FieldAttribute, nil) {
					switch v.Text(a) {
					case "options":
						if src != syntax.NoNode {
							w.skip(prefix)
						} else {
							w.optionSet(expr{a, x.e}, prefix, a, depth+1)
						}
					case "imports":
						if src != syntax.NoNode {
							w.res.unresolved++
						} else {
							w.imports(expr{a, x.e}, prefix, depth+1)
						}
					case "freeformType":
						w.open(prefix)
					}
				}
			}
		}
	case grammar.KindPath:
		if f := w.load(x, depth); f != nil {
			w.module(rootOf(f), prefix, depth+1)
		} else {
			w.unresolvedModule(prefix)
		}
	case grammar.KindApply:
		head, args := flatten(x)
		if w.name(head) == "import" && len(args) >= 1 {
			if f := w.load(w.strip(args[0], false), depth); f != nil {
				w.module(rootOf(f), prefix, depth+1)
				return
			}
		}
		if w.rename(x, prefix, false) {
			return
		}
		if w.nest <= maxDepth {
			// A function of the file (or of a file it imports) applied
			// to its arguments: mkFirefoxModule { modulePath = [...]; }.
			w.nest++
			body, ok := w.beta(x)
			if ok {
				w.module(body, prefix, depth+1)
			}
			w.nest--
			if ok {
				return
			}
		}
		w.unresolvedImport(x, prefix)
	case grammar.KindBinary:
		if v.Text(v.Child(x.n, grammar.FieldOperator)) == "//" {
			w.module(x.child(grammar.FieldLeft), prefix, depth+1)
			w.module(x.child(grammar.FieldRight), prefix, depth+1)
			return
		}
		w.unresolvedModule(prefix)
	default:
		w.unresolvedModule(prefix)
	}
}

// unresolvedImport is a call in a module list that cannot be read: the
// option paths given to it as literal lists (a helper making renamed
// options under [ "programs" "git" ]) are opened.
func (w *walker) unresolvedImport(x expr, prefix []string) {
	_, args := flatten(x)
	opened := false
	for _, a := range args {
		if l, ok := w.strList(a, nil, 0); ok && len(l) > 0 {
			w.skip(join(prefix, l...))
			opened = true
		}
	}
	if !opened {
		w.unresolvedModule(prefix)
	}
}

// unresolvedModule is a module that cannot be read: inside a submodule its
// options are unknown, so the submodule is open; at the top level it is
// another tree's module (counted, not opened).
func (w *walker) unresolvedModule(prefix []string) {
	if len(prefix) > 0 {
		w.skip(prefix)
		return
	}
	w.res.unresolved++
}

func rootOf(f *file) expr {
	e := &env{f: f}
	return expr{f.v.Child(f.v.Root(), grammar.FieldExpression), e}
}

// attrpath is the names of a binding's attribute path: static is the
// number of leading names known, last the node of the last. A name
// `${x}` or "${x}" is known when x is bound in the file to a string.
func (w *walker) attrpath(ap expr) (names []string, static int, last syntax.NodeID) {
	v := ap.v()
	static = -1
	for _, a := range v.NamedChildren(ap.n, nil) {
		last = a
		s, ok := w.attrName(expr{a, ap.e})
		if !ok && static < 0 {
			static = len(names)
		}
		names = append(names, s)
	}
	if static < 0 {
		static = len(names)
	}
	return names, static, last
}

// attrName is the name an attribute spells, ok false if computed.
func (w *walker) attrName(a expr) (string, bool) {
	v := a.v()
	switch a.kind() {
	case grammar.KindAttribute, grammar.KindIdentifier:
		return a.text(), true
	case grammar.KindInterpolation:
		return w.str(a.child(grammar.FieldExpression), 0)
	case grammar.KindString:
		if s, ok := stringValue(v, a.n, false); ok {
			return s, true
		}
		var b strings.Builder
		for c := v.FirstChild(a.n); c != syntax.NoNode; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindInterpolation:
				s, ok := w.str(expr{v.Child(c, grammar.FieldExpression), a.e}, 0)
				if !ok {
					return "", false
				}
				b.WriteString(s)
			case grammar.KindEscapeSequence:
				b.WriteString(unescape(v.Text(c)))
			case grammar.KindStringFragment:
				b.WriteString(v.Text(c))
			}
		}
		return b.String(), true
	}
	return "", false
}

// str is the value of an expression that is a string literal, or a name
// bound to one in the file.
func (w *walker) str(x expr, depth int) (string, bool) {
	x = w.strip(x, false)
	if !x.valid() || depth > maxDepth {
		return "", false
	}
	if x.kind() == grammar.KindAttribute {
		return x.text(), true // a name bound by mapAttrsToList
	}
	if x.kind() == grammar.KindString || x.kind() == grammar.KindIndentedString {
		if s, ok := stringValue(x.v(), x.n, false); ok {
			return s, true
		}
		return w.attrName(x)
	}
	return "", false
}

func (w *walker) moduleBinding(b expr, prefix []string, depth int) {
	v := b.v()
	names, static, last := w.attrpath(expr{v.Child(b.n, grammar.FieldAttrpath), b.e})
	value := expr{v.Child(b.n, grammar.FieldValue), b.e}
	if len(names) == 0 || static == 0 {
		return
	}
	switch names[0] {
	case "options":
		if static < len(names) {
			w.skip(join(prefix, names[1:static]...))
			return
		}
		w.optionSet(value, join(prefix, names[1:]...), last, depth+1)
	case "imports":
		if len(names) == 1 {
			w.imports(value, prefix, depth+1)
		}
	case "freeformType":
		if len(names) == 1 {
			w.open(prefix)
		}
	}
}

// imports reads a module's imports: files to read (at the top level) or
// modules to read in place (in a submodule), renamed and removed options.
func (w *walker) imports(x expr, prefix []string, depth int) {
	if depth > maxDepth {
		return
	}
	x = w.strip(x, false)
	if !x.valid() {
		return
	}
	v := x.v()
	switch x.kind() {
	case grammar.KindList:
		for _, el := range v.Children(x.n, grammar.FieldElement, nil) {
			w.importElement(expr{el, x.e}, prefix, depth+1)
		}
	case grammar.KindBinary:
		if v.Text(v.Child(x.n, grammar.FieldOperator)) == "++" {
			w.imports(x.child(grammar.FieldLeft), prefix, depth+1)
			w.imports(x.child(grammar.FieldRight), prefix, depth+1)
			return
		}
		w.unresolvedModule(prefix)
	case grammar.KindApply:
		head, args := flatten(x)
		switch w.name(head) {
		case "map", "builtins.map", "mapAttrsToList", "attrsets.mapAttrsToList":
			if len(args) == 2 && w.mapped(args, prefix, depth) {
				return
			}
		case "optional", "optionals", "mkIf":
			if len(args) == 2 {
				if w.name(head) == "optional" {
					w.importElement(args[1], prefix, depth+1)
				} else {
					w.imports(args[1], prefix, depth+1)
				}
				return
			}
		}
		w.unresolvedImport(x, prefix)
	default:
		w.unresolvedModule(prefix)
	}
}

// mapped reads map f [ ... ] / mapAttrsToList f { ... } over literal
// items: the body of f for each, its parameters bound to the item.
func (w *walker) mapped(args []expr, prefix []string, depth int) bool {
	f := w.strip(args[0], false)
	items := w.strip(args[1], false)
	if f.kind() != grammar.KindLambda {
		return false
	}
	fv := f.v()
	p := fv.Child(f.n, grammar.FieldParameter)
	if p == syntax.NoNode {
		return false
	}
	body := expr{fv.Child(f.n, grammar.FieldBody), f.e}
	iv := items.v()
	switch items.kind() {
	case grammar.KindList:
		for _, el := range iv.Children(items.n, grammar.FieldElement, nil) {
			e := &env{parent: f.e, f: f.e.f, names: map[string]binding{fv.Text(p): {n: el, e: items.e}}}
			w.importElement(expr{body.n, e}, prefix, depth+1)
		}
		return true
	case grammar.KindAttrset:
		inner := w.strip(body, false)
		if inner.kind() != grammar.KindLambda || inner.e != f.e {
			return false
		}
		q := fv.Child(inner.n, grammar.FieldParameter)
		if q == syntax.NoNode {
			return false
		}
		for c := iv.FirstChild(items.n); c != syntax.NoNode; c = iv.Next(c) {
			if iv.Kind(c) != grammar.KindBinding {
				continue
			}
			segs := iv.NamedChildren(iv.Child(c, grammar.FieldAttrpath), nil)
			if len(segs) != 1 {
				return false
			}
			e := &env{parent: f.e, f: f.e.f, names: map[string]binding{
				fv.Text(p): {n: segs[0], e: items.e},
				fv.Text(q): {n: iv.Child(c, grammar.FieldValue), e: items.e},
			}}
			w.importElement(expr{fv.Child(inner.n, grammar.FieldBody), e}, prefix, depth+1)
		}
		return true
	}
	return false
}

func (w *walker) importElement(x expr, prefix []string, depth int) {
	x = w.strip(x, false)
	if !x.valid() {
		return
	}
	switch x.kind() {
	case grammar.KindPath:
		if len(prefix) == 0 {
			if rel, ok := w.resolve(x); ok {
				w.res.imports = append(w.res.imports, rel)
				return
			}
			w.res.unresolved++
			return
		}
	case grammar.KindApply:
		head, args := flatten(x)
		if w.name(head) == "import" && len(args) == 1 && len(prefix) == 0 {
			if p := w.strip(args[0], false); p.kind() == grammar.KindPath {
				if rel, ok := w.resolve(p); ok {
					w.res.imports = append(w.res.imports, rel)
					return
				}
			}
		}
	}
	w.module(x, prefix, depth+1)
}

// resolve is the module file a path literal names, relative to the root
// (a directory's default.nix); ok is false for a path outside the root or
// one that does not exist.
func (w *walker) resolve(x expr) (string, bool) {
	p := x.text()
	if !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
		return "", false
	}
	rel := path.Clean(path.Join(path.Dir(x.e.f.rel), p))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return w.b.moduleFile(rel)
}

// load reads the file a path literal names, for a module or option set
// read in place.
func (w *walker) load(x expr, depth int) *file {
	if x.kind() != grammar.KindPath || depth > maxDepth {
		return nil
	}
	rel, ok := w.resolve(x)
	if !ok {
		return nil
	}
	if f, ok := w.files[rel]; ok {
		return f
	}
	f, n, err := w.b.parse(rel)
	if err != nil {
		f = nil
	}
	if w.files == nil {
		w.files = map[string]*file{}
	}
	w.files[rel] = f
	if f != nil {
		w.res.loaded = append(w.res.loaded, rel)
		w.res.bytes += n
	}
	return f
}

// optionSet reads the declarations of an option set (or of one option)
// at prefix; name is the node of the key that declares prefix.
func (w *walker) optionSet(x expr, prefix []string, name syntax.NodeID, depth int) {
	if depth > maxDepth {
		w.skip(prefix)
		return
	}
	x = w.strip(x, false)
	if !x.valid() {
		w.skip(prefix)
		return
	}
	v := x.v()
	switch x.kind() {
	case grammar.KindAttrset, grammar.KindRecAttrset:
		for c := v.FirstChild(x.n); c != syntax.NoNode; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindBinding:
				names, static, last := w.attrpath(expr{v.Child(c, grammar.FieldAttrpath), x.e})
				if static < len(names) {
					w.skip(join(prefix, names[:static]...))
					continue
				}
				w.optionSet(expr{v.Child(c, grammar.FieldValue), x.e}, join(prefix, names...), last, depth+1)
			case grammar.KindInherit:
				src := v.Child(c, grammar.FieldSource)
				for _, a := range v.Children(c, grammar.FieldAttribute, nil) {
					n, ok := staticName(v, a)
					if !ok {
						w.skip(prefix)
						continue
					}
					if src == syntax.NoNode {
						w.optionSet(expr{a, x.e}, join(prefix, n), a, depth+1)
					} else {
						w.skip(join(prefix, n))
					}
				}
			}
		}
	case grammar.KindBinary:
		if v.Text(v.Child(x.n, grammar.FieldOperator)) == "//" {
			// mkEnableOption "x" // { default = true; }: one option.
			if l := w.strip(x.child(grammar.FieldLeft), false); l.kind() == grammar.KindApply {
				if d, ok := w.optionCall(l, prefix, name); ok {
					f := map[string]expr{}
					w.fields(x.child(grammar.FieldRight), f, 0)
					w.setFields(&d, f, prefix)
					w.res.decls = append(w.res.decls, d)
					return
				}
			}
			w.optionSet(x.child(grammar.FieldLeft), prefix, name, depth+1)
			w.optionSet(x.child(grammar.FieldRight), prefix, name, depth+1)
			return
		}
		w.skip(prefix)
	case grammar.KindApply:
		if d, ok := w.optionCall(x, prefix, name); ok {
			w.res.decls = append(w.res.decls, d)
			return
		}
		head, args := flatten(x)
		fn := w.name(head)
		switch fn {
		case "import":
			if len(args) >= 1 {
				if f := w.load(w.strip(args[0], false), depth); f != nil {
					r := w.strip(rootOf(f), true)
					w.optionSet(r, prefix, syntax.NoNode, depth+1)
					return
				}
			}
		case "mkSinkUndeclaredOptions":
			w.open(prefix)
			return
		case "setAttrByPath":
			if len(args) == 2 {
				if l, ok := w.strList(args[0], nil, 0); ok {
					w.optionSet(args[1], join(prefix, l...), syntax.NoNode, depth+1)
					return
				}
			}
		case "mapAttrs", "builtins.mapAttrs", "genAttrs", "builtins.genAttrs":
			// Options made for each of a literal set of names: the names
			// are known, what each declares is not.
			if len(args) == 2 {
				if names, ok := w.keys(fn, args); ok {
					for _, k := range names {
						w.skip(join(prefix, k))
					}
					return
				}
			}
		}
		if debug {
			fmt.Fprintf(os.Stderr, "UNKNOWN %q\n", compact(x.text()))
		}
		w.skip(prefix)
	default:
		if debug {
			fmt.Fprintf(os.Stderr, "UNKNOWN %q\n", compact(x.text()))
		}
		w.skip(prefix)
	}
}

func staticName(v *syntax.View, a syntax.NodeID) (string, bool) {
	switch v.Kind(a) {
	case grammar.KindAttribute, grammar.KindIdentifier:
		return v.Text(a), true
	case grammar.KindString:
		return stringValue(v, a, false)
	}
	return "", false
}

// optionCall reads a call of an option-making function declaring p.
func (w *walker) optionCall(x expr, p []string, name syntax.NodeID) (Decl, bool) {
	head, args := flatten(x)
	fn := w.name(head)
	var d Decl
	ok := false
	switch fn {
	case "mkOption", "mkEnableOption", "mkPackageOption", "mkPackageOptionMD":
		d, ok = w.option(fn, args, p)
	default:
		if len(args) == 1 && fn != "" {
			// linuxExclusive (mkOption { ... }): a wrapper of one option.
			if a := w.strip(args[0], false); a.kind() == grammar.KindApply {
				if h, _ := flatten(a); h.valid() {
					switch w.name(h) {
					case "mkOption", "mkEnableOption", "mkPackageOption":
						return w.optionCall(a, p, name)
					}
				}
			}
		}
		if w.nest <= maxDepth {
			// A helper of the file: mkNullOrStrOption = args: mkOption (...).
			w.nest++
			body, ok := w.beta(x)
			var d Decl
			if ok && body.kind() == grammar.KindApply {
				d, ok = w.optionCall(body, p, name)
			} else {
				ok = false
			}
			w.nest--
			if ok {
				return d, true
			}
		}
		if t, known := helpers[strings.TrimPrefix(fn, "hm.shell.")]; known && len(args) <= 1 {
			d, ok = Decl{Path: clone(p), Kind: Option, Type: t}, true
			if len(args) == 1 {
				f := map[string]expr{}
				w.fields(args[0], f, 0)
				w.setFields(&d, f, p)
			}
		}
	}
	if !ok {
		return d, false
	}
	v := x.v()
	d.File = x.e.f.rel
	if name != syntax.NoNode {
		d.Start, d.End = v.Start(name), v.End(name)
	} else {
		d.Start, d.End = v.Start(x.n), v.End(x.n)
	}
	return d, true
}

// helpers are functions of the trees' own libraries known to make one
// option, with its type.
var helpers = map[string]string{
	// home-manager's lib.hm.shell
	"mkBashIntegrationOption":    "boolean",
	"mkFishIntegrationOption":    "boolean",
	"mkIonIntegrationOption":     "boolean",
	"mkNushellIntegrationOption": "boolean",
	"mkZshIntegrationOption":     "boolean",
}

// keys are the names mapAttrs f {...} / genAttrs [...] f make, when literal.
func (w *walker) keys(fn string, args []expr) ([]string, bool) {
	if strings.HasSuffix(fn, "genAttrs") {
		return w.strList(args[0], nil, 0)
	}
	f := map[string]expr{}
	a := w.strip(args[1], false)
	if a.kind() != grammar.KindAttrset {
		return nil, false
	}
	v := a.v()
	for c := v.FirstChild(a.n); c != syntax.NoNode; c = v.Next(c) {
		if v.Kind(c) == grammar.KindInherit {
			for _, at := range v.Children(c, grammar.FieldAttribute, nil) {
				f[v.Text(at)] = expr{}
			}
		}
	}
	w.fields(a, f, 0)
	var out []string
	for k := range f {
		out = append(out, k)
	}
	sort.Strings(out)
	// A binding a.b = ... names a too.
	for c := v.FirstChild(a.n); c != syntax.NoNode; c = v.Next(c) {
		if v.Kind(c) == grammar.KindBinding {
			names, static, _ := w.attrpath(expr{v.Child(c, grammar.FieldAttrpath), a.e})
			if static == 0 {
				return nil, false
			}
			if len(names) > 1 {
				out = append(out, names[0])
			}
		}
	}
	return out, true
}

// fields are the static bindings of an attribute set argument (mkOption's
// {...}, also through `//` and names bound in the file).
func (w *walker) fields(x expr, out map[string]expr, depth int) {
	x = w.strip(x, false)
	if !x.valid() || depth > maxDepth {
		return
	}
	v := x.v()
	switch x.kind() {
	case grammar.KindAttrset, grammar.KindRecAttrset:
		for c := v.FirstChild(x.n); c != syntax.NoNode; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindBinding:
				names, static, _ := w.attrpath(expr{v.Child(c, grammar.FieldAttrpath), x.e})
				if len(names) == 1 && static == 1 {
					out[names[0]] = expr{v.Child(c, grammar.FieldValue), x.e}
				}
			case grammar.KindInherit:
				if v.Child(c, grammar.FieldSource) == syntax.NoNode {
					for _, a := range v.Children(c, grammar.FieldAttribute, nil) {
						out[v.Text(a)] = expr{a, x.e}
					}
				}
			}
		}
	case grammar.KindBinary:
		if v.Text(v.Child(x.n, grammar.FieldOperator)) == "//" {
			w.fields(x.child(grammar.FieldLeft), out, depth+1)
			w.fields(x.child(grammar.FieldRight), out, depth+1)
		}
	}
}

// option reads one mkOption / mkEnableOption / mkPackageOption call.
func (w *walker) option(fn string, args []expr, p []string) (Decl, bool) {
	d := Decl{Path: clone(p), Kind: Option}
	switch fn {
	case "mkOption":
		if len(args) != 1 {
			return d, false
		}
		f := map[string]expr{}
		w.fields(args[0], f, 0)
		w.setFields(&d, f, p)
		return d, true
	case "mkEnableOption":
		if len(args) != 1 {
			return d, false
		}
		d.Type, d.Default, d.Example = "boolean", "false", "true"
		d.Description = "Whether to enable " + w.doc(args[0]) + "."
		return d, true
	default: // mkPackageOption pkgs name { ... }
		if len(args) < 2 {
			return d, false
		}
		var name []string
		n := w.strip(args[1], false)
		if n.kind() == grammar.KindList {
			for _, el := range n.v().Children(n.n, grammar.FieldElement, nil) {
				s, ok := stringValue(n.v(), el, true)
				if !ok {
					s = n.v().Text(el)
				}
				name = append(name, s)
			}
		} else if s, ok := stringValue(n.v(), n.n, true); ok {
			name = []string{s}
		} else {
			name = []string{n.text()}
		}
		d.Type = "package"
		d.Description = "The " + strings.Join(name, ".") + " package to use."
		pkgsText := "pkgs"
		def := name
		f := map[string]expr{}
		if len(args) >= 3 {
			w.fields(args[2], f, 0)
		}
		if t, ok := f["pkgsText"]; ok {
			pkgsText = w.literal(t)
		}
		if t, ok := f["nullable"]; ok && w.isTrue(t) {
			d.Type = "null or package"
		}
		d.Default = pkgsText + "." + strings.Join(def, ".")
		if t, ok := f["default"]; ok {
			t = w.strip(t, false)
			switch {
			case t.text() == "null":
				d.Default = "null"
			case t.kind() == grammar.KindList:
				var parts []string
				for _, el := range t.v().Children(t.n, grammar.FieldElement, nil) {
					s, ok := stringValue(t.v(), el, true)
					if !ok {
						s = t.v().Text(el)
					}
					parts = append(parts, s)
				}
				d.Default = pkgsText + "." + strings.Join(parts, ".")
			default:
				if s, ok := stringValue(t.v(), t.n, true); ok {
					d.Default = pkgsText + "." + s
				} else {
					d.Default = t.text()
				}
			}
		}
		if t, ok := f["example"]; ok {
			if s, ok := stringValue(t.v(), w.strip(t, false).n, true); ok && w.strip(t, false).kind() == grammar.KindString {
				d.Example = pkgsText + "." + s
			} else {
				d.Example = w.literal(t)
			}
		}
		if t, ok := f["extraDescription"]; ok {
			if s := w.doc(t); s != "" {
				d.Description += " " + s
			}
		}
		return d, true
	}
}

// setFields sets what mkOption's arguments (or an override with // of
// any option) say.
func (w *walker) setFields(d *Decl, f map[string]expr, p []string) {
	if t, ok := f["type"]; ok {
		d.Type = w.render(t, 0).desc
		d.Submodule = w.subOptions(t, p, 0)
	}
	if t, ok := f["defaultText"]; ok {
		d.Default = w.literal(t)
	} else if t, ok := f["default"]; ok {
		if t.kind() == grammar.KindAttribute { // inherit default;
			t = w.strip(t, false)
		}
		d.Default = t.text()
	}
	if t, ok := f["example"]; ok {
		d.Example = w.literal(t)
	}
	if t, ok := f["description"]; ok {
		d.Description = w.doc(t)
	}
	if t, ok := f["readOnly"]; ok {
		d.ReadOnly = w.isTrue(t)
	}
	if t, ok := f["internal"]; ok {
		d.Internal = w.isTrue(t)
	}
	if t, ok := f["visible"]; ok && w.strip(t, false).text() == "false" {
		d.Internal = true
	}
}

func (w *walker) isTrue(x expr) bool {
	return x.valid() && w.strip(x, false).text() == "true"
}

// literal is the text of a defaultText or example: what literalExpression
// / literalMD / literalExample wrap, a string's value, else source text.
func (w *walker) literal(x expr) string {
	x = w.strip(x, false)
	if !x.valid() {
		return ""
	}
	if x.kind() == grammar.KindApply {
		head, args := flatten(x)
		switch w.name(head) {
		case "literalExpression", "literalMD", "literalExample", "mdDoc":
			if len(args) == 1 {
				a := w.strip(args[0], false)
				if s, ok := stringValue(a.v(), a.n, true); ok {
					return strings.TrimSpace(s)
				}
				return a.text()
			}
		}
	}
	if s, ok := stringValue(x.v(), x.n, true); ok {
		return strings.TrimSpace(s)
	}
	return x.text()
}

// doc is the text of a description: a string (interpolations kept as
// written), through mdDoc; other expressions as source text.
func (w *walker) doc(x expr) string {
	x = w.strip(x, false)
	if !x.valid() {
		return ""
	}
	switch x.kind() {
	case grammar.KindApply:
		head, args := flatten(x)
		switch w.name(head) {
		case "mdDoc", "literalMD", "literalExpression":
			if len(args) == 1 {
				return w.doc(args[0])
			}
		}
	case grammar.KindBinary:
		if x.v().Text(x.v().Child(x.n, grammar.FieldOperator)) == "+" {
			return w.doc(x.child(grammar.FieldLeft)) + w.doc(x.child(grammar.FieldRight))
		}
	}
	if s, ok := stringValue(x.v(), x.n, true); ok {
		return strings.TrimSpace(s)
	}
	return x.text()
}

// render is a type expression's description.
func (w *walker) render(x expr, depth int) typeInfo {
	x = w.strip(x, false)
	if !x.valid() {
		return typeInfo{}
	}
	if depth > maxDepth {
		return typeInfo{desc: compact(x.text())}
	}
	if x.kind() == grammar.KindApply {
		if t, ok := w.renderApply(x, depth); ok {
			return t
		}
	} else if t, ok := typeNames[w.name(x)]; ok {
		return t
	}
	return typeInfo{desc: shorten(compact(x.text()))}
}

// shorten cuts an unknown type's text to a length a hover can show.
func shorten(s string) string {
	const max = 120
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func (w *walker) renderApply(x expr, depth int) (typeInfo, bool) {
	head, args := flatten(x)
	fn := w.name(head)
	r := func(i int) typeInfo { return w.render(args[i], depth+1) }
	nc := []string{classNoun, classComposite}
	switch {
	case len(args) == 1 && (fn == "listOf" || fn == "attrsOf" || fn == "lazyAttrsOf" || fn == "functionTo" || fn == "nonEmptyListOf" || fn == "loaOf"):
		t := r(0)
		switch fn {
		case "listOf":
			return typeInfo{"list of " + phrase(t, nc...), classComposite}, true
		case "attrsOf":
			return typeInfo{"attribute set of " + phrase(t, nc...), classComposite}, true
		case "lazyAttrsOf":
			return typeInfo{"lazy attribute set of " + phrase(t, nc...), classComposite}, true
		case "functionTo":
			return typeInfo{"function that evaluates to a(n) " + phrase(t, nc...), classComposite}, true
		case "nonEmptyListOf":
			return typeInfo{"non-empty (list of " + phrase(t, nc...) + ")", classComposite}, true
		case "loaOf":
			return typeInfo{"list or attribute set of " + phrase(t, nc...), classComposite}, true
		}
	case fn == "attrsWith" && len(args) == 1:
		f := map[string]expr{}
		w.fields(args[0], f, 0)
		if et, ok := f["elemType"]; ok {
			t := w.render(et, depth+1)
			s := "attribute set of "
			if w.isTrue(f["lazy"]) {
				s = "lazy attribute set of "
			}
			return typeInfo{s + phrase(t, nc...), classComposite}, true
		}
	case fn == "mkOptionType" && len(args) == 1:
		f := map[string]expr{}
		w.fields(args[0], f, 0)
		if d, ok := f["description"]; ok {
			if s, ok := w.str(d, 0); ok {
				return typeInfo{s, classNone}, true
			}
		}
		if n, ok := f["name"]; ok {
			if s, ok := w.str(n, 0); ok {
				return typeInfo{s, classNone}, true
			}
		}
	case fn == "nullOr" && len(args) == 1:
		return typeInfo{"null or " + phrase(r(0), classNoun, classConjunction), classConjunction}, true
	case fn == "either" && len(args) == 2:
		return typeInfo{phrase(r(0), classNoun, classConjunction) + " or " + phrase(r(1), classNoun, classConjunction, classComposite), classConjunction}, true
	case fn == "oneOf" && len(args) == 1:
		l := w.strip(args[0], false)
		if l.kind() != grammar.KindList {
			break
		}
		els := l.v().Children(l.n, grammar.FieldElement, nil)
		if len(els) == 0 {
			break
		}
		t := w.render(expr{els[0], l.e}, depth+1)
		for _, el := range els[1:] {
			u := w.render(expr{el, l.e}, depth+1)
			t = typeInfo{phrase(t, classNoun, classConjunction) + " or " + phrase(u, classNoun, classConjunction, classComposite), classConjunction}
		}
		return t, true
	case (fn == "uniq" && len(args) == 1) || (fn == "unique" && len(args) == 2):
		return r(len(args) - 1), true
	case fn == "addCheck" && len(args) == 2:
		return r(0), true
	case fn == "enum" && len(args) == 1:
		l := w.strip(args[0], false)
		if l.kind() != grammar.KindList {
			break
		}
		var vals []string
		for _, el := range l.v().Children(l.n, grammar.FieldElement, nil) {
			e := w.strip(expr{el, l.e}, false)
			switch e.kind() {
			case grammar.KindString:
				s, ok := stringValue(e.v(), e.n, false)
				if !ok {
					return typeInfo{}, false
				}
				vals = append(vals, strconv.Quote(s))
			case grammar.KindInteger:
				vals = append(vals, e.text())
			case grammar.KindIdentifier:
				if t := e.text(); t == "true" || t == "false" || t == "null" {
					vals = append(vals, t)
					continue
				}
				return typeInfo{}, false
			default:
				return typeInfo{}, false
			}
		}
		switch len(vals) {
		case 0:
			return typeInfo{"impossible (empty enum)", classNoun}, true
		case 1:
			return typeInfo{"value " + vals[0] + " (singular enum)", classNoun}, true
		}
		return typeInfo{"one of " + strings.Join(vals, ", "), classConjunction}, true
	case (fn == "submodule" || fn == "submoduleWith") && len(args) == 1:
		return typeInfo{"submodule", classNone}, true
	case fn == "separatedString" && len(args) == 1:
		a := w.strip(args[0], false)
		if s, ok := stringValue(a.v(), a.n, false); ok {
			return typeInfo{"strings concatenated with " + strconv.Quote(s), classNoun}, true
		}
	case fn == "strMatching" && len(args) == 1:
		a := w.strip(args[0], false)
		if s, ok := stringValue(a.v(), a.n, false); ok {
			return typeInfo{"string matching the pattern " + s, classNoun}, true
		}
	case (fn == "ints.between" || fn == "numbers.between") && len(args) == 2:
		lo, hi := compact(w.strip(args[0], false).text()), compact(w.strip(args[1], false).text())
		if fn == "ints.between" {
			return typeInfo{fmt.Sprintf("integer between %s and %s (both inclusive)", lo, hi), classNoun}, true
		}
		return typeInfo{fmt.Sprintf("integer or floating point number between %s and %s (both inclusive)", lo, hi), classNoun}, true
	case fn == "coercedTo" && len(args) == 3:
		return typeInfo{phrase(r(2), classNoun) + " or " + phrase(r(0), classNoun) + " convertible to it", classConjunction}, true
	case fn == "passwdEntry" && len(args) == 1:
		return typeInfo{phrase(r(0), classNoun) + ", not containing newlines or colons", classNoun}, true
	}
	return typeInfo{}, false
}

// subOptions reads the sub-options a type declares under p (a submodule,
// possibly inside attrsOf, listOf, nullOr...); it reports whether the
// type is one whose attributes are all declared that way.
func (w *walker) subOptions(x expr, p []string, depth int) bool {
	if len(p) > maxOptionPath {
		// A cycle the expansions did not see (each option's type starts
		// a new depth): leave the rest open.
		w.open(p)
		return true
	}
	x = w.strip(x, false)
	if !x.valid() || depth > maxDepth || x.kind() != grammar.KindApply {
		return false
	}
	head, args := flatten(x)
	fn := w.name(head)
	switch {
	case (fn == "listOf" || fn == "nonEmptyListOf") && len(args) == 1:
		return w.subOptions(args[0], join(p, "*"), depth+1)
	case (fn == "attrsOf" || fn == "lazyAttrsOf") && len(args) == 1:
		return w.subOptions(args[0], join(p, "<name>"), depth+1)
	case fn == "attrsWith" && len(args) == 1:
		f := map[string]expr{}
		w.fields(args[0], f, 0)
		et, ok := f["elemType"]
		if !ok {
			return false
		}
		seg := "<name>"
		if ph, ok := f["placeholder"]; ok {
			ph = w.strip(ph, false)
			s, ok := stringValue(ph.v(), ph.n, false)
			if !ok {
				return false
			}
			seg = "<" + s + ">"
		}
		return w.subOptions(et, join(p, seg), depth+1)
	case (fn == "nullOr" || fn == "uniq") && len(args) == 1:
		return w.subOptions(args[0], p, depth+1)
	case fn == "unique" && len(args) == 2:
		return w.subOptions(args[1], p, depth+1)
	case fn == "addCheck" && len(args) == 2:
		return w.subOptions(args[0], p, depth+1)
	case fn == "coercedTo" && len(args) == 3:
		// The values set are of either type; only a leaf type coerced to
		// a submodule keeps the submodule's attributes the only ones.
		if !leafTypes[w.name(args[0])] {
			return false
		}
		return w.subOptions(args[2], p, depth+1)
	case fn == "either" && len(args) == 2:
		return w.alternatives(args, p, depth)
	case fn == "oneOf" && len(args) == 1:
		l := w.strip(args[0], false)
		if l.kind() != grammar.KindList {
			return false
		}
		var alts []expr
		for _, el := range l.v().Children(l.n, grammar.FieldElement, nil) {
			alts = append(alts, expr{el, l.e})
		}
		return w.alternatives(alts, p, depth)
	case fn == "submodule" && len(args) == 1:
		m := w.strip(args[0], false)
		done, ok := w.expand(m, p)
		if !ok {
			return true
		}
		defer done()
		if m.kind() == grammar.KindList {
			for _, el := range m.v().Children(m.n, grammar.FieldElement, nil) {
				w.module(expr{el, m.e}, p, depth+1)
			}
			return true
		}
		w.module(args[0], p, depth+1)
		return true
	case fn == "submoduleWith" && len(args) == 1:
		f := map[string]expr{}
		w.fields(args[0], f, 0)
		ms, ok := f["modules"]
		if !ok {
			return false
		}
		done, ok := w.expand(w.strip(ms, false), p)
		if !ok {
			return true
		}
		defer done()
		w.imports(ms, p, depth+1)
		return true
	}
	return false
}

// expand marks the submodule m as being read at p; done unmarks it. When
// m is already being read (its options include one of its own type), p
// is left open and ok is false.
func (w *walker) expand(m expr, p []string) (done func(), ok bool) {
	key := nodeKey{m.e.f, m.n}
	if w.expanding[key] {
		w.open(p)
		return nil, false
	}
	if w.expanding == nil {
		w.expanding = map[nodeKey]bool{}
	}
	w.expanding[key] = true
	return func() { delete(w.expanding, key) }, true
}

// alternatives reads either / oneOf: sub-options are all known when one
// alternative is a submodule and the others are leaf types.
func (w *walker) alternatives(alts []expr, p []string, depth int) bool {
	var sub []expr
	for _, a := range alts {
		if leafTypes[w.name(a)] {
			continue
		}
		sub = append(sub, a)
	}
	if len(sub) != 1 {
		return false
	}
	return w.subOptions(sub[0], p, depth+1)
}

// renameFuncs are the functions of lib.modules that declare renamed and
// removed options.
var renameFuncs = map[string]bool{
	"mkRenamedOptionModule":     true,
	"mkRenamedOptionModuleWith": true,
	"mkAliasOptionModule":       true,
	"mkAliasOptionModuleMD":     true,
	"mkChangedOptionModule":     true,
	"mkMergedOptionModule":      true,
	"mkRemovedOptionModule":     true,
}

// rename reads a renamed / removed option call declaring under prefix; it
// reports whether x is one.
func (w *walker) rename(x expr, prefix []string, scan bool) bool {
	head, args := flatten(x)
	fn := w.name(head)
	if !renameFuncs[fn] {
		return false
	}
	f := x.e.f
	if w.handled[f] == nil {
		w.handled[f] = map[syntax.NodeID]bool{}
	}
	if scan && w.handled[f][x.n] {
		return true
	}
	w.handled[f][x.n] = true
	v := x.v()
	mk := func(from []string, kind Kind) Decl {
		return Decl{Path: join(prefix, from...), Kind: kind, File: f.rel, Start: v.Start(x.n), End: v.End(x.n)}
	}
	switch fn {
	case "mkRemovedOptionModule":
		if len(args) < 1 {
			return true
		}
		from, ok := w.pathList(args[0], prefix)
		if !ok {
			return true
		}
		d := mk(from, Removed)
		if len(args) >= 2 {
			d.Message = w.doc(args[1])
		}
		w.res.decls = append(w.res.decls, d)
	case "mkRenamedOptionModuleWith":
		if len(args) != 1 {
			return true
		}
		fl := map[string]expr{}
		w.fields(args[0], fl, 0)
		fe, ok1 := fl["from"]
		te, ok2 := fl["to"]
		if !ok1 || !ok2 {
			w.skip(prefix)
			return true
		}
		from, ok := w.pathList(fe, prefix)
		if !ok {
			return true
		}
		d := mk(from, Renamed)
		d.To, _ = w.pathList(te, nil)
		if s, ok := fl["sinceRelease"]; ok {
			d.Message = "renamed since release " + w.strip(s, false).text()
		}
		w.res.decls = append(w.res.decls, d)
	case "mkMergedOptionModule":
		if len(args) < 2 {
			return true
		}
		l := w.strip(args[0], false)
		if l.kind() != grammar.KindList {
			w.skip(prefix)
			return true
		}
		to, _ := w.pathList(args[1], nil)
		for _, el := range l.v().Children(l.n, grammar.FieldElement, nil) {
			from, ok := w.pathList(expr{el, l.e}, prefix)
			if !ok {
				continue
			}
			d := mk(from, Renamed)
			d.To = to
			w.res.decls = append(w.res.decls, d)
		}
	default: // renamed, alias, changed: from to [fn]
		if len(args) < 2 {
			return true
		}
		from, ok := w.pathList(args[0], prefix)
		if !ok {
			return true
		}
		d := mk(from, Renamed)
		d.To, _ = w.pathList(args[1], nil)
		// An alias is another name, without the warning a rename gives.
		d.Alias = fn == "mkAliasOptionModule" || fn == "mkAliasOptionModuleMD"
		w.res.decls = append(w.res.decls, d)
	}
	return true
}

// pathList is a list of strings: literal, concatenated with ++, bound
// to names in the file, or made by a one-parameter function of the file
// applied to a literal (origOpt "x"). When an element is computed the
// declaration is skipped and its static prefix (under prefix) opened,
// unless that prefix is empty (a rename nobody can name is not worth
// giving up every check for).
func (w *walker) pathList(x expr, prefix []string) ([]string, bool) {
	out, ok := w.strList(x, nil, 0)
	if !ok {
		w.res.skipped++
		if len(prefix)+len(out) > 0 {
			w.open(join(prefix, out...))
		}
		return nil, false
	}
	return out, true
}

func (w *walker) strList(x expr, out []string, depth int) ([]string, bool) {
	x = w.strip(x, false)
	if !x.valid() || depth > maxDepth {
		return out, false
	}
	v := x.v()
	switch x.kind() {
	case grammar.KindList:
		for _, el := range v.Children(x.n, grammar.FieldElement, nil) {
			s, ok := w.str(expr{el, x.e}, depth+1)
			if !ok {
				return out, false
			}
			out = append(out, s)
		}
		return out, true
	case grammar.KindBinary:
		if v.Text(v.Child(x.n, grammar.FieldOperator)) == "++" {
			out, ok := w.strList(x.child(grammar.FieldLeft), out, depth+1)
			if !ok {
				return out, false
			}
			return w.strList(x.child(grammar.FieldRight), out, depth+1)
		}
	case grammar.KindApply:
		if body, ok := w.beta(x); ok {
			return w.strList(body, out, depth+1)
		}
	}
	return out, false
}

// beta is the body of a function bound in the file applied to its
// argument(s) (parameters named, not destructured), read with the
// parameters bound to the arguments.
func (w *walker) beta(x expr) (expr, bool) {
	head, args := flatten(x)
	if w.name(head) == "import" && len(args) >= 1 {
		// import ./x.nix args
		head, args = args[0], args[1:]
	}
	f := w.strip(head, false)
	if f.kind() == grammar.KindApply {
		// mkModule = import ./x.nix; ... mkModule args
		if h, a := flatten(f); w.name(h) == "import" && len(a) == 1 {
			f = w.strip(a[0], false)
		}
	}
	if f.kind() == grammar.KindPath {
		file := w.load(f, 0)
		if file == nil {
			return expr{}, false
		}
		f = w.strip(rootOf(file), false)
	}
	for _, a := range args {
		if f.kind() != grammar.KindLambda {
			return expr{}, false
		}
		v := f.v()
		e := &env{parent: f.e, f: f.e.f, names: map[string]binding{}}
		if p := v.Child(f.n, grammar.FieldParameter); p != syntax.NoNode {
			e.names[v.Text(p)] = binding(a)
		}
		if fs := v.Child(f.n, grammar.FieldFormals); fs != syntax.NoNode {
			// { description, default ? null }: each name is the
			// argument's attribute, its default, or unknown.
			given := map[string]expr{}
			w.fields(a, given, 0)
			for _, fm := range v.NamedChildren(fs, nil) {
				if !v.Is(fm, grammar.KindFormal) {
					continue
				}
				name := v.Text(v.Child(fm, grammar.FieldName))
				if g, ok := given[name]; ok && g.valid() {
					e.names[name] = binding(g)
				} else if d := v.Child(fm, grammar.FieldDefault); d != syntax.NoNode {
					e.names[name] = binding{n: d, e: e}
				} else {
					e.names[name] = binding{n: syntax.NoNode}
				}
			}
		}
		f = w.strip(expr{v.Child(f.n, grammar.FieldBody), e}, false)
	}
	return f, true
}

// scanRenames reads the renamed / removed option calls of a file that the
// walk did not reach (in module lists bound to names, in map over a list
// of names...).
func (w *walker) scanRenames(f *file) {
	v := f.v
	for i := range v.Nodes {
		n := syntax.NodeID(i)
		if !v.Is(n, grammar.KindApply) {
			continue
		}
		if p := v.Parent(n); p != syntax.NoNode && v.Is(p, grammar.KindApply) && v.Child(p, grammar.FieldFunction) == n {
			continue // not the whole call
		}
		head := n
		for v.Is(head, grammar.KindApply) {
			head = v.Child(head, grammar.FieldFunction)
		}
		t := v.Text(head)
		if i := strings.LastIndexByte(t, '.'); i >= 0 {
			t = t[i+1:]
		}
		if !renameFuncs[t] {
			continue
		}
		w.rename(expr{n, scopeAt(f, n)}, nil, true)
	}
}

// scopeAt is the scope of the let bindings enclosing n (function
// parameters are not told apart: a rename call's lists are literals).
func scopeAt(f *file, n syntax.NodeID) *env {
	v := f.v
	var lets []syntax.NodeID
	for p := v.Parent(n); p != syntax.NoNode; p = v.Parent(p) {
		if v.Is(p, grammar.KindLet) {
			lets = append(lets, p)
		}
	}
	e := &env{f: f}
	for i := len(lets) - 1; i >= 0; i-- {
		e = letEnv(v, lets[i], e)
	}
	return e
}
