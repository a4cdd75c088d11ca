// Package options is a static index of the options that Nix module-system
// modules declare (NixOS, home-manager, nix-darwin, a flake's own modules).
// Nothing is evaluated: declarations are read from the syntax of each module
// file, literals only. What cannot be read that way (a name or a path that is
// computed, an option made by an unknown helper) is skipped, counted, and its
// static prefix marked open, so that nothing below it is ever called unknown.
package options

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Kind tells a declared option from a renamed or removed one.
type Kind uint8

// The kinds of Decl.
const (
	Option Kind = iota
	Renamed
	Removed
)

func (k Kind) String() string {
	switch k {
	case Option:
		return "option"
	case Renamed:
		return "renamed"
	case Removed:
		return "removed"
	}
	return "kind?"
}

// Decl is one declared option (or a renamed / removed one).
type Decl struct {
	// Path is the option's path, e.g. ["services","openssh","settings",
	// "PermitRootLogin"]; "<name>" (or "<placeholder>" of attrsWith) for
	// an element of an attrsOf-submodule, "*" for a listOf-submodule one.
	Path        []string
	Kind        Kind
	Type        string // rendered, e.g. "list of string"
	Default     string // Nix source text (or the defaultText's text), "" if none
	Example     string
	Description string // Markdown text
	ReadOnly    bool
	Internal    bool
	// Submodule is set when the type's sub-options were read: they are
	// declared under Path (with "<name>" or "*" for attrsOf / listOf). An
	// option without it takes values the index knows nothing below.
	Submodule bool
	To        []string // Renamed: the new path
	// Alias: a Renamed made by mkAliasOptionModule, another name for To
	// that Nix accepts without a warning.
	Alias   bool
	Message string // Removed (and Renamed-with-message): the text
	File    string // slash-separated, relative to the root (Root, else Index.Root)
	// Root is the directory File is relative to when it is not Index.Root
	// (set by Merge); "" means Index.Root.
	Root       string
	Start, End int // byte range in File of the declaring name (the last key as written; for renamed/removed, the call)
}

// Stats says what a build read and found.
type Stats struct {
	Files, Options, Renamed, Removed, Skipped int // Files read; Skipped = declarations not indexed because computed
	// Unresolved counts imports that could not be followed (another
	// flake's module, a computed path); they are not marked open.
	Unresolved int
	Bytes      int64
	Took       time.Duration
}

// Index is the set of declared options of a module tree. It is
// gob-encodable (exported fields only); the query structures are built on
// first query.
type Index struct {
	Root  string
	Decls []Decl     // sorted by path
	Open  [][]string // prefixes below which anything may be declared/set (freeform, skipped computed declarations)
	Stats Stats

	once sync.Once
	trie *node
}

// Child is a direct child of an option set.
type Child struct {
	Name string
	Decl *Decl // nil when Name is an option set, not an option
}

// node is one segment of the trie of declared paths.
type node struct {
	kids  map[string]*node
	names []string // keys of kids, sorted
	wild  []*node  // kids whose key is "<...>" or "*"
	decls []int32  // indices into Decls of the declarations at this path
	open  bool
}

// IsWildcard reports a declared segment that stands for any name: "*" or
// "<name>".
func IsWildcard(seg string) bool {
	return seg == "*" || (len(seg) >= 2 && seg[0] == '<' && seg[len(seg)-1] == '>')
}

func (ix *Index) build() {
	ix.once.Do(func() {
		root := &node{}
		at := func(p []string) *node {
			n := root
			for _, s := range p {
				k := n.kids[s]
				if k == nil {
					if n.kids == nil {
						n.kids = map[string]*node{}
					}
					k = &node{}
					n.kids[s] = k
				}
				n = k
			}
			return n
		}
		for i := range ix.Decls {
			n := at(ix.Decls[i].Path)
			n.decls = append(n.decls, int32(i))
		}
		for _, p := range ix.Open {
			at(p).open = true
		}
		var finish func(n *node)
		finish = func(n *node) {
			for k, c := range n.kids {
				n.names = append(n.names, k)
				if IsWildcard(k) {
					n.wild = append(n.wild, c)
				}
				finish(c)
			}
			sort.Strings(n.names)
		}
		finish(root)
		ix.trie = root
	})
}

// step appends to out the kids of n that segment seg reaches: the kid of
// that name, and the wildcard kids.
func (n *node) step(seg string, out []*node) []*node {
	if k := n.kids[seg]; k != nil {
		out = append(out, k)
	}
	if IsWildcard(seg) {
		return out
	}
	return append(out, n.wild...)
}

// match is the trie nodes path reaches.
func (ix *Index) match(path []string) []*node {
	ix.build()
	cur := []*node{ix.trie}
	for _, s := range path {
		var next []*node
		for _, n := range cur {
			next = n.step(s, next)
		}
		if len(next) == 0 {
			return nil
		}
		cur = next
	}
	return cur
}

// best is the declaration at n to report: an option before a renamed or
// removed one, then the first in order.
func (ix *Index) best(n *node) *Decl {
	if len(n.decls) == 0 {
		return nil
	}
	for _, i := range n.decls {
		if ix.Decls[i].Kind == Option {
			return &ix.Decls[i]
		}
	}
	return &ix.Decls[n.decls[0]]
}

// Lookup is the declaration of a concrete path; a "<name>" / "*" declared
// segment matches any segment.
func (ix *Index) Lookup(path []string) (*Decl, bool) {
	for _, n := range ix.match(path) {
		if d := ix.best(n); d != nil {
			return d, true
		}
	}
	return nil, false
}

// Covering is the declaration at path or at its nearest declared
// ancestor (a renamed or removed option covers what lies below it, an
// option whose type is not a submodule the values set inside it).
func (ix *Index) Covering(path []string) (*Decl, bool) {
	for i := len(path); i >= 0; i-- {
		if d, ok := ix.Lookup(path[:i]); ok {
			return d, true
		}
	}
	return nil, false
}

// Children lists the direct children of prefix (option sets and options),
// sorted by name.
func (ix *Index) Children(prefix []string) []Child {
	nodes := ix.match(prefix)
	if len(nodes) == 0 {
		return nil
	}
	if len(nodes) == 1 {
		n := nodes[0]
		out := make([]Child, 0, len(n.names))
		for _, name := range n.names {
			out = append(out, Child{Name: name, Decl: ix.best(n.kids[name])})
		}
		return out
	}
	seen := map[string]int{}
	var out []Child
	for _, n := range nodes {
		for _, name := range n.names {
			d := ix.best(n.kids[name])
			if i, ok := seen[name]; ok {
				if out[i].Decl == nil {
					out[i].Decl = d
				}
				continue
			}
			seen[name] = len(out)
			out = append(out, Child{Name: name, Decl: d})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// IsOpen reports whether an unknown option at path cannot be claimed: it
// lies at or under an open prefix, or under an option whose type is not a
// submodule (setting attributes inside `settings` of type attrsOf
// anything), or under a renamed or removed option.
func (ix *Index) IsOpen(path []string) bool {
	ix.build()
	cur := []*node{ix.trie}
	for i := 0; ; i++ {
		for _, n := range cur {
			if n.open {
				return true
			}
			if i < len(path) {
				for _, di := range n.decls {
					if d := &ix.Decls[di]; d.Kind != Option || !d.Submodule {
						return true
					}
				}
			}
		}
		if i == len(path) {
			return false
		}
		var next []*node
		for _, n := range cur {
			next = n.step(path[i], next)
		}
		if len(next) == 0 {
			return false
		}
		cur = next
	}
}

// Closest is up to n declared paths closest to path, for "did you mean":
// the siblings of its last segment (same prefix, as path spells it) within
// a small edit distance of it, nearest first.
func (ix *Index) Closest(path []string, n int) [][]string {
	if len(path) == 0 || n <= 0 {
		return nil
	}
	parent, last := path[:len(path)-1], path[len(path)-1]
	limit := max(2, len(last)/3)
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	for _, c := range ix.Children(parent) {
		if IsWildcard(c.Name) || c.Name == last {
			continue
		}
		d := distance(strings.ToLower(last), strings.ToLower(c.Name))
		if d == 0 {
			d = 0 // differs in case only: the best guess
		} else if d > limit {
			continue
		}
		cands = append(cands, cand{c.Name, d})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out [][]string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		p := append(append(make([]string, 0, len(path)), parent...), c.name)
		out = append(out, p)
	}
	return out
}

// distance is the optimal string alignment distance (Levenshtein with
// transpositions) between a and b, in bytes.
func distance(a, b string) int {
	if a == b {
		return 0
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Abs is the file d was declared in, as a path on this machine.
func (ix *Index) Abs(d *Decl) string {
	root := d.Root
	if root == "" {
		root = ix.Root
	}
	return filepath.Join(root, filepath.FromSlash(d.File))
}

// Merge is the union of indexes (e.g. NixOS and a flake's own modules).
// Each Decl keeps its root in Decl.Root when the roots differ.
func Merge(ixs ...*Index) *Index {
	out := &Index{}
	same := true
	for i, ix := range ixs {
		if ix == nil {
			continue
		}
		if i > 0 && ix.Root != ixs[0].Root {
			same = false
		}
	}
	for _, ix := range ixs {
		if ix == nil {
			continue
		}
		if same {
			out.Root = ix.Root
		}
		for _, d := range ix.Decls {
			if !same && d.Root == "" {
				d.Root = ix.Root
			}
			out.Decls = append(out.Decls, d)
		}
		out.Open = append(out.Open, ix.Open...)
		s := &out.Stats
		s.Files += ix.Stats.Files
		s.Options += ix.Stats.Options
		s.Renamed += ix.Stats.Renamed
		s.Removed += ix.Stats.Removed
		s.Skipped += ix.Stats.Skipped
		s.Unresolved += ix.Stats.Unresolved
		s.Bytes += ix.Stats.Bytes
		s.Took += ix.Stats.Took
	}
	out.finish()
	return out
}

// finish sorts the declarations and the open prefixes, dropping the
// prefixes a shorter one covers.
func (ix *Index) finish() {
	sort.SliceStable(ix.Decls, func(i, j int) bool {
		a, b := &ix.Decls[i], &ix.Decls[j]
		if c := comparePath(a.Path, b.Path); c != 0 {
			return c < 0
		}
		if a.Root+a.File != b.Root+b.File {
			return a.Root+a.File < b.Root+b.File
		}
		return a.Start < b.Start
	})
	sort.Slice(ix.Open, func(i, j int) bool { return comparePath(ix.Open[i], ix.Open[j]) < 0 })
	var open [][]string
	for _, p := range ix.Open {
		// A prefix sorts before everything it covers, and what lies
		// between them is covered too: the last kept one is the only
		// candidate.
		if len(open) > 0 && hasPrefix(p, open[len(open)-1]) {
			continue
		}
		open = append(open, p)
	}
	ix.Open = open
}

func comparePath(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := strings.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}

func hasPrefix(p, q []string) bool {
	if len(q) > len(p) {
		return false
	}
	for i := range q {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}
