package nixpkgs

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// EntryKind says what a library entry's value is, as far as its syntax
// tells.
type EntryKind uint8

const (
	// Function: a lambda literal, or a value whose documented type is a
	// function type (`a -> b`), or a builtin function re-exported.
	Function EntryKind = iota
	// Set: an attribute set literal, or a file or expression that
	// evaluates to one as far as the syntax shows (a sub-library).
	Set
	// Value: anything else.
	Value
)

func (k EntryKind) String() string {
	switch k {
	case Function:
		return "function"
	case Set:
		return "set"
	}
	return "value"
}

// LibEntry is one attribute of lib, at any depth.
type LibEntry struct {
	Path    []string // ["strings","concatStringsSep"], ["mkIf"]
	Kind    EntryKind
	Doc     string   // Markdown from the doc comment ("" if none)
	Type    string   // the `# Type` signature from the doc ("" if none)
	Args    []string // parameter names of a literal lambda; a formals parameter is one element, "{ x, y, ... }"
	AliasOf []string // what an inherit re-exports: ["modules","mkIf"], ["builtins","map"]
	File    string   // slash-separated, relative to Lib.Root
	Start   int      // byte range of the binding's name in File
	End     int
}

// Stats describes an index build.
type Stats struct {
	Files      int   // files parsed
	Entries    int   // entries indexed
	Documented int   // entries with a doc comment (packages: 0, descriptions are read on demand)
	Skipped    int   // files that could not be read and attributes with computed names
	Bytes      int64 // bytes parsed
	Took       time.Duration
}

// Lib is the index of a nixpkgs library. It is gob-encodable; the lookup
// structures are built on first use and are safe for concurrent use.
type Lib struct {
	Root    string
	Entries []LibEntry // sorted by Path, element by element
	Stats   Stats

	once sync.Once
	idx  *libIndex
}

type libIndex struct {
	byPath   map[string]int   // joined path -> entry
	children map[string][]int // joined prefix -> direct members, by name
}

const pathSep = "\x00"

func (l *Lib) index() *libIndex {
	l.once.Do(func() {
		x := &libIndex{byPath: make(map[string]int, len(l.Entries)), children: map[string][]int{}}
		for i, e := range l.Entries {
			key := strings.Join(e.Path, pathSep)
			if _, dup := x.byPath[key]; !dup {
				x.byPath[key] = i
				parent := strings.Join(e.Path[:len(e.Path)-1], pathSep)
				x.children[parent] = append(x.children[parent], i)
			}
		}
		l.idx = x
	})
	return l.idx
}

func (l *Lib) find(path []string) (int, bool) {
	i, ok := l.index().byPath[strings.Join(path, pathSep)]
	return i, ok
}

// maxHops bounds how many aliases a lookup follows.
const maxHops = 8

// Lookup finds the entry at path. A path through an alias resolves
// through it: ["platforms","linux"] is ["systems","doubles","linux"] when
// platforms is an alias of systems.doubles.
//
// The entry returned for an alias is a copy completed from what it
// re-exports: when its Doc (or Type) is empty, Lookup follows AliasOf,
// hop by hop (at most 8, stopping at a cycle or a missing target), and
// takes the Doc and Type of the first entry that has a Doc; an alias of a
// builtin without an entry of its own takes its one-line description
// from package builtins. Path, File, Start, End and AliasOf stay the
// alias's own. Entries returned by Children are not completed: pass them
// to Resolve.
func (l *Lib) Lookup(path []string) (*LibEntry, bool) {
	i, ok := l.find(path)
	if !ok {
		// An alias on the way: substitute it and look again.
		for hop := 0; hop < maxHops && !ok; hop++ {
			sub := l.throughAlias(path)
			if sub == nil {
				return nil, false
			}
			path = sub
			i, ok = l.find(path)
		}
		if !ok {
			return nil, false
		}
	}
	e := l.Resolve(l.Entries[i])
	return &e, true
}

// throughAlias rewrites path by replacing its longest proper prefix that
// is an alias with what the alias names; nil if none.
func (l *Lib) throughAlias(path []string) []string {
	for n := len(path) - 1; n > 0; n-- {
		i, ok := l.find(path[:n])
		if !ok {
			continue
		}
		e := &l.Entries[i]
		if len(e.AliasOf) == 0 {
			return nil
		}
		return append(slices.Clone(e.AliasOf), path[n:]...)
	}
	return nil
}

// Resolve completes an alias's Doc and Type as Lookup does.
func (l *Lib) Resolve(e LibEntry) LibEntry {
	if len(e.AliasOf) == 0 || e.Doc != "" {
		return e
	}
	seen := map[string]bool{strings.Join(e.Path, pathSep): true}
	target := e.AliasOf
	for hop := 0; hop < maxHops; hop++ {
		key := strings.Join(target, pathSep)
		if seen[key] {
			break
		}
		seen[key] = true
		i, ok := l.find(target)
		if !ok {
			if len(target) == 2 && target[0] == "builtins" {
				if b := builtins.Lookup(target[1]); b != nil {
					e.Doc = b.Doc
				}
			}
			break
		}
		t := &l.Entries[i]
		if t.Doc != "" {
			e.Doc = t.Doc
			if e.Type == "" {
				e.Type = t.Type
			}
			break
		}
		if len(t.AliasOf) == 0 {
			break
		}
		target = t.AliasOf
	}
	return e
}

// Children lists the direct members of prefix (nil: lib's top level),
// sorted by name, as stored (see Resolve).
func (l *Lib) Children(prefix []string) []LibEntry {
	ids := l.index().children[strings.Join(prefix, pathSep)]
	if ids == nil {
		if sub := l.throughAlias(append(slices.Clone(prefix), "")); sub != nil && len(prefix) > 0 {
			ids = l.index().children[strings.Join(sub[:len(sub)-1], pathSep)]
		} else if i, ok := l.find(prefix); ok && len(prefix) > 0 && len(l.Entries[i].AliasOf) > 0 {
			ids = l.index().children[strings.Join(l.Entries[i].AliasOf, pathSep)]
		}
	}
	out := make([]LibEntry, len(ids))
	for j, i := range ids {
		out[j] = l.Entries[i]
	}
	return out
}

// --- building -------------------------------------------------------------------

// maxDepth bounds the paths indexed: lib.systems.inspect.patterns.isLinux.
const maxDepth = 4

// namesOnly are the sub-libraries listed by their members' names alone:
// large sets of data, not of functions.
var namesOnly = map[string]bool{"licenses": true, "maintainers": true, "teams": true}

// ErrNoLib is BuildLib's error for a root without a library.
var ErrNoLib = errors.New("nixpkgs: no lib/default.nix with lib/trivial.nix under the root")

// BuildLib indexes the library under root (see HasLib): the attributes of
// lib as lib/default.nix assembles them, and the members of the
// sub-libraries it imports, with their doc comments.
func BuildLib(ctx context.Context, root string) (*Lib, error) {
	start := time.Now()
	dir, ok := libDir(root)
	if !ok {
		return nil, ErrNoLib
	}
	b := &libBuilder{ctx: ctx, root: root, files: map[string]*fileSlot{}}
	def := b.file(joinRel(dir, "default.nix"))
	if def == nil {
		return nil, ErrNoLib
	}
	top := b.resolveSet(def, fileExpr(def), nil, 0)
	members := top.members

	// The sub-libraries are independent: index them side by side.
	results := make([][]LibEntry, len(members))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if ctx.Err() != nil {
					continue
				}
				m := members[i]
				b.emit(&results[i], []string{m.name}, m, namesOnly[m.name])
			}
		}()
	}
	for i := range members {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var entries []LibEntry
	for _, r := range results {
		entries = append(entries, r...)
	}
	slices.SortStableFunc(entries, func(a, b LibEntry) int { return slices.Compare(a.Path, b.Path) })
	entries = slices.CompactFunc(entries, func(a, b LibEntry) bool { return slices.Equal(a.Path, b.Path) })
	l := &Lib{Root: root, Entries: entries}
	l.completeAliases()
	l.Stats = b.stats
	l.Stats.Entries = len(entries)
	for _, e := range entries {
		if e.Doc != "" {
			l.Stats.Documented++
		}
	}
	l.Stats.Took = time.Since(start)
	return l, nil
}

// completeAliases gives aliases the Kind and Args of what they name.
func (l *Lib) completeAliases() {
	for i := range l.Entries {
		e := &l.Entries[i]
		if len(e.AliasOf) == 0 {
			continue
		}
		target := e.AliasOf
		for hop := 0; hop < maxHops; hop++ {
			j, ok := l.find(target)
			if !ok {
				if len(target) == 2 && target[0] == "builtins" {
					if bi := builtins.Lookup(target[1]); bi != nil {
						if bi.IsFunction() {
							e.Kind, e.Args = Function, slices.Clone(bi.Args)
						} else {
							e.Kind = Value
						}
					}
				}
				break
			}
			t := &l.Entries[j]
			if len(t.AliasOf) == 0 || hop == maxHops-1 {
				e.Kind, e.Args = t.Kind, t.Args
				break
			}
			target = t.AliasOf
		}
	}
}

func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

type libBuilder struct {
	ctx   context.Context
	root  string
	mu    sync.Mutex
	files map[string]*fileSlot
	stats Stats
}

type fileSlot struct {
	once sync.Once
	p    *parsed
}

// file parses rel once, however many sub-libraries import it.
func (b *libBuilder) file(rel string) *parsed {
	b.mu.Lock()
	s := b.files[rel]
	if s == nil {
		s = &fileSlot{}
		b.files[rel] = s
	}
	b.mu.Unlock()
	s.once.Do(func() {
		if b.ctx.Err() != nil {
			return
		}
		p, n := parseFile(b.root, rel)
		b.mu.Lock()
		if p == nil {
			b.stats.Skipped++
		} else {
			b.stats.Files++
			b.stats.Bytes += n
		}
		b.mu.Unlock()
		s.p = p
	})
	return s.p
}

func (b *libBuilder) skip() {
	b.mu.Lock()
	b.stats.Skipped++
	b.mu.Unlock()
}

// fileExpr is a file's expression.
func fileExpr(p *parsed) syntax.NodeID {
	return p.v.Child(p.v.Root(), grammar.FieldExpression)
}

// fileDoc is the doc comment at the head of a file.
func fileDoc(p *parsed) string {
	e := fileExpr(p)
	if e == none {
		return ""
	}
	return p.docBefore(p.v.Start(e))
}

// member is one attribute of a set under construction: a binding, or an
// attribute of an inherit.
type member struct {
	name     string
	f        *parsed
	nameNode syntax.NodeID
	docAt    int             // where the binding starts (its doc comment ends there), -1 for none
	value    syntax.NodeID   // none for an inherit
	env      *env            // the scope of value, or of from
	from     syntax.NodeID   // an inherit's source, none for a plain inherit or a binding
	nested   []syntax.NodeID // `a.b = ...`: the bindings of the nested set a, their paths
	skip     int             // past skip names
	opaque   bool            // a member of a set a function transforms: name only
}

// env is a let's bindings, the scope of names in a file.
type env struct {
	names  map[string]*member
	parent *env
}

func (e *env) lookup(name string) *member {
	for ; e != nil; e = e.parent {
		if m := e.names[name]; m != nil {
			return m
		}
	}
	return nil
}

// setResult is what an expression is known to evaluate to, as a set.
type setResult struct {
	ok      bool
	members []*member
	file    *parsed // the file imported, when the expression is an import
}

// maxResolve bounds the steps (identifiers, imports) of one resolution.
const maxResolve = 24

// resolveSet finds the attributes the set expression n evaluates to, as
// far as the syntax shows: literal sets, lets, `//`, imports (and calls
// such as `callLibs ./x.nix` whose first argument is a path), identifiers
// bound by a let, functions passed to a call (makeExtensible (self:
// {...})), and the set a call is given as its last argument (names only).
func (b *libBuilder) resolveSet(f *parsed, n syntax.NodeID, e *env, depth int) setResult {
	if depth > maxResolve || n == none || b.ctx.Err() != nil {
		return setResult{}
	}
	v := f.v
	switch v.Kind(n) {
	case grammar.KindParenthesized:
		return b.resolveSet(f, v.Child(n, grammar.FieldExpression), e, depth)
	case grammar.KindLambda, grammar.KindWith, grammar.KindAssert:
		return b.resolveSet(f, v.Child(n, grammar.FieldBody), e, depth)
	case grammar.KindLet:
		inner := &env{names: map[string]*member{}, parent: e}
		for _, m := range b.members(f, n, inner) {
			inner.names[m.name] = m
		}
		return b.resolveSet(f, v.Child(n, grammar.FieldBody), inner, depth)
	case grammar.KindAttrset, grammar.KindRecAttrset:
		return setResult{ok: true, members: b.members(f, n, e)}
	case grammar.KindBinary:
		if v.Text(v.Child(n, grammar.FieldOperator)) != "//" {
			return setResult{}
		}
		l := b.resolveSet(f, v.Child(n, grammar.FieldLeft), e, depth+1)
		r := b.resolveSet(f, v.Child(n, grammar.FieldRight), e, depth+1)
		if !l.ok && !r.ok {
			return setResult{}
		}
		return setResult{ok: true, members: mergeMembers(l.members, r.members)}
	case grammar.KindIdentifier:
		m := e.lookup(v.Text(n))
		if m == nil {
			return setResult{}
		}
		if m.value != none {
			return b.resolveSet(m.f, m.value, m.env, depth+1)
		}
		if m.from != none {
			src := b.resolveSet(m.f, m.from, m.env, depth+1)
			for _, sm := range src.members {
				if sm.name == m.name && (sm.value != none || sm.from != none) {
					return b.resolveSet(sm.f, valueOrFrom(sm), sm.env, depth+1)
				}
			}
		}
		return setResult{}
	case grammar.KindApply:
		fn, args := applyChain(v, n)
		if len(args) == 0 {
			return setResult{}
		}
		if first := unparen(v, args[0]); v.Kind(first) == grammar.KindPath && isImporter(v, fn) {
			rel, ok := resolvePath(b.root, f.rel, v.Text(first), true)
			if !ok {
				b.skip()
				return setResult{}
			}
			p := b.file(rel)
			if p == nil {
				return setResult{}
			}
			r := b.resolveSet(p, fileExpr(p), nil, depth+1)
			r.file = p
			return r
		}
		last := unparen(v, args[len(args)-1])
		if v.Kind(last) == grammar.KindLambda {
			return b.resolveSet(f, last, e, depth+1)
		}
		r := b.resolveSet(f, last, e, depth+1)
		for i, m := range r.members {
			c := *m
			c.opaque = true
			r.members[i] = &c
		}
		return r
	}
	return setResult{}
}

func valueOrFrom(m *member) syntax.NodeID {
	if m.value != none {
		return m.value
	}
	return m.from
}

// applyChain splits `f a b c` into f and [a b c].
func applyChain(v *syntax.View, n syntax.NodeID) (syntax.NodeID, []syntax.NodeID) {
	var args []syntax.NodeID
	for v.Kind(n) == grammar.KindApply {
		args = append(args, v.Child(n, grammar.FieldArgument))
		n = unparen(v, v.Child(n, grammar.FieldFunction))
	}
	slices.Reverse(args)
	return n, args
}

// isImporter reports a function that, given a path first, loads the file:
// import, builtins.import, or a helper such as callLibs (any identifier).
func isImporter(v *syntax.View, fn syntax.NodeID) bool {
	if v.Kind(fn) == grammar.KindIdentifier {
		return true
	}
	p := selectPath(v, fn)
	return len(p) > 0 && p[len(p)-1] == "import"
}

// isImport reports a call whose first argument is a path, as resolveSet
// reads imports.
func isImport(v *syntax.View, n syntax.NodeID) bool {
	fn, args := applyChain(v, n)
	return len(args) > 0 && v.Kind(unparen(v, args[0])) == grammar.KindPath && isImporter(v, fn)
}

// mergeMembers is l // r: r's members replace l's of the same name.
func mergeMembers(l, r []*member) []*member {
	if len(l) == 0 {
		return r
	}
	names := make(map[string]bool, len(r))
	for _, m := range r {
		names[m.name] = true
	}
	out := make([]*member, 0, len(l)+len(r))
	for _, m := range l {
		if !names[m.name] {
			out = append(out, m)
		}
	}
	return append(out, r...)
}

// members lists the bindings and inherits of a set or let node, a later
// one replacing an earlier one of the same name. e is the scope of their
// values (for a let, the let's own scope).
func (b *libBuilder) members(f *parsed, n syntax.NodeID, e *env) []*member {
	v := f.v
	var out []*member
	index := map[string]int{}
	add := func(m *member) {
		if i, ok := index[m.name]; ok {
			if m.nested != nil && out[i].nested != nil {
				out[i].nested = append(out[i].nested, m.nested...)
				return
			}
			out[i] = m
			return
		}
		index[m.name] = len(out)
		out = append(out, m)
	}
	for c := v.FirstChild(n); c != none; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindBinding:
			names, nodes, ok := attrpathNames(v, v.Child(c, grammar.FieldAttrpath))
			if !ok {
				b.skip()
				continue
			}
			m := &member{name: names[0], f: f, nameNode: nodes[0], docAt: v.Start(c), value: v.Child(c, grammar.FieldValue), env: e, from: none}
			if len(names) > 1 {
				m.value, m.nested, m.skip, m.docAt = none, []syntax.NodeID{c}, 1, -1
			}
			add(m)
		case grammar.KindInherit:
			src := v.Child(c, grammar.FieldSource)
			for a := v.FirstChild(c); a != none; a = v.Next(a) {
				if v.FieldName(a) != grammar.FieldAttribute {
					continue
				}
				name, ok := attrName(v, a)
				if !ok {
					b.skip()
					continue
				}
				if src == none {
					// `inherit x;`: x of the enclosing scope. A let's own
					// names are not its enclosing scope: look in the parent
					// when e is this let's.
					scope := e
					if v.Kind(n) == grammar.KindLet && e != nil {
						scope = e.parent
					}
					if def := scope.lookup(name); def != nil {
						c := *def
						c.name = name
						add(&c)
						continue
					}
					add(&member{name: name, f: f, nameNode: a, docAt: -1, value: none, from: none, env: e})
					continue
				}
				add(&member{name: name, f: f, nameNode: a, docAt: -1, value: none, from: src, env: e})
			}
		}
	}
	return out
}

// nestedMembers lists the members of a set given by `a.b = ...`
// bindings: b, with its value or, for `a.b.c = ...`, nested again.
func nestedMembers(m *member) []*member {
	v := m.f.v
	var out []*member
	index := map[string]int{}
	for _, c := range m.nested {
		names, nodes, ok := attrpathNames(v, v.Child(c, grammar.FieldAttrpath))
		if !ok || len(names) <= m.skip {
			continue
		}
		sub := &member{name: names[m.skip], f: m.f, nameNode: nodes[m.skip], docAt: v.Start(c), value: v.Child(c, grammar.FieldValue), env: m.env, from: none}
		if len(names) > m.skip+1 {
			sub.value, sub.nested, sub.skip, sub.docAt = none, []syntax.NodeID{c}, m.skip+1, -1
		}
		if i, ok := index[sub.name]; ok {
			if sub.nested != nil && out[i].nested != nil {
				out[i].nested = append(out[i].nested, sub.nested...)
			} else {
				out[i] = sub
			}
			continue
		}
		index[sub.name] = len(out)
		out = append(out, sub)
	}
	return out
}

// aliasSource is the library path an inherit source or a selected value
// names: lib.x.y and self.x.y give [x y], builtins gives [builtins]; nil
// for anything else.
func aliasSource(p []string) []string {
	if len(p) == 0 {
		return nil
	}
	switch p[0] {
	case "lib", "self":
		return p[1:]
	case "builtins":
		return p
	}
	return nil
}

// emit appends the entries of member m, at path, and of its members.
func (b *libBuilder) emit(out *[]LibEntry, path []string, m *member, namesOnlyHere bool) {
	if b.ctx.Err() != nil {
		return
	}
	v := m.f.v
	e := LibEntry{Path: path, Kind: Value, File: m.f.rel, Start: v.Start(m.nameNode), End: v.End(m.nameNode)}
	if m.docAt >= 0 && !m.opaque {
		e.Doc = m.f.docBefore(m.docAt)
		if e.Doc == "" && m.value != none {
			e.Doc = m.f.docAfter(v.End(m.value))
		}
		e.Type = docType(e.Doc)
	}
	switch {
	case m.nested != nil:
		e.Kind = Set
		*out = append(*out, e)
		if !m.opaque && !namesOnlyHere && len(path) < maxDepth {
			for _, c := range nestedMembers(m) {
				b.emit(out, append(slices.Clip(path), c.name), c, namesOnlyHere)
			}
		}
		return
	case m.from != none:
		if src := aliasSource(selectPath(v, m.from)); src != nil {
			e.AliasOf = append(slices.Clone(src), m.name)
			break
		}
		// inherit (x) name, x a set this scope knows: index what it names.
		r := b.resolveSet(m.f, m.from, m.env, 0)
		for _, sm := range r.members {
			if sm.name == m.name {
				b.emit(out, path, sm, namesOnlyHere)
				return
			}
		}
	case m.value != none:
		val := unparen(v, m.value)
		switch v.Kind(val) {
		case grammar.KindLambda:
			e.Kind = Function
			e.Args = lambdaArgs(v, val)
		case grammar.KindSelect, grammar.KindIdentifier:
			if p := aliasSource(selectPath(v, val)); len(p) > 0 && !(len(p) == 1 && p[0] == "builtins") {
				e.AliasOf = p
			}
		}
		if e.Kind == Function || e.AliasOf != nil {
			break
		}
		if v.Kind(val) == grammar.KindAttrset || v.Kind(val) == grammar.KindRecAttrset {
			e.Kind = Set
		}
		if m.opaque || namesOnlyHere && len(path) > 1 || len(path) >= maxDepth {
			break
		}
		if v.Kind(val) == grammar.KindApply && !namesOnlyHere && !isImport(v, val) {
			// A call that makes a value from a set (mkOptionType { ... }):
			// the set's attributes are not the value's.
			break
		}
		r := b.resolveSet(m.f, val, m.env, 0)
		if !r.ok {
			break
		}
		e.Kind = Set
		if r.file != nil {
			// A sub-library: its file's head comment says what it is; the
			// comment before the import is more often a heading.
			if d := fileDoc(r.file); d != "" {
				e.Doc, e.Type = d, ""
			}
		}
		*out = append(*out, e)
		for _, c := range r.members {
			b.emit(out, append(slices.Clip(path), c.name), c, namesOnlyHere)
		}
		return
	}
	if e.Kind == Value && strings.Contains(e.Type, "->") {
		e.Kind = Function
	}
	*out = append(*out, e)
}
