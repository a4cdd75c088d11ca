// Package lockfile reads flake.lock (versions 5 to 7) with byte positions:
// the node graph, its edges (node keys and `follows` paths), what each
// input path resolves to, unused nodes, and dependencies locked more than
// once (nixpkgs, nixpkgs_2, ...) with the `follows` that would merge them.
package lockfile

import (
	"fmt"
	"github.com/flake-lsp/flake-lsp/analysis"
	"slices"
	"sort"
	"strings"
)

// Problem is something wrong with the lock, at a byte range of flake.lock.
type Problem struct {
	Code       string
	Severity   analysis.Severity
	Message    string
	Start, End int
}

// Edge is one entry of a node's "inputs": a node key or a follows path.
type Edge struct {
	Name             string
	Node             string   // when not a follows
	Follows          []string // when IsFollows
	IsFollows        bool
	KeyStart, KeyEnd int
	Start, End       int // the value
}

// Node is one lock node.
type Node struct {
	Key              string
	Inputs           []*Edge
	Locked, Original *Value // nil on the root
	Flake            bool   // false for `flake = false` inputs
	KeyStart, KeyEnd int
	Start, End       int
}

// Input returns the edge named name, or nil.
func (n *Node) Input(name string) *Edge {
	for _, e := range n.Inputs {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// LockFile is a parsed flake.lock.
type LockFile struct {
	Version int
	Root    string
	Nodes   map[string]*Node
	Keys    []string // node keys in file order
}

// Parse reads a lock file. It returns what it could read, and problems.
func Parse(src []byte) (*LockFile, []Problem) {
	doc, err := ParseJSON(src)
	if err != nil {
		off := 0
		msg := err.Error()
		if se, ok := err.(*SyntaxError); ok {
			off, msg = se.Offset, se.Msg
		}
		return nil, []Problem{{Code: "lock-json-error", Severity: analysis.Error, Start: off, End: off, Message: "flake.lock is not valid JSON: " + msg}}
	}
	var problems []Problem
	bad := func(code string, v *Value, format string, args ...any) {
		p := Problem{Code: code, Severity: analysis.Error, Message: fmt.Sprintf(format, args...)}
		if v != nil {
			p.Start, p.End = v.Start, v.End
		}
		problems = append(problems, p)
	}
	if doc.Kind != Object {
		bad("lock-malformed", doc, "flake.lock must be a JSON object")
		return nil, problems
	}
	lf := &LockFile{Nodes: map[string]*Node{}}
	switch v := doc.Get("version"); {
	case v == nil:
		bad("lock-unsupported-version", doc, "flake.lock has no \"version\"; Nix reads versions 5, 6 and 7 (it writes 7)")
	case v.Kind != Number || v.Num != float64(int(v.Num)):
		bad("lock-unsupported-version", v, "\"version\" must be an integer")
	default:
		lf.Version = int(v.Num)
		if lf.Version < 5 || lf.Version > 7 {
			bad("lock-unsupported-version", v, "lock file has unsupported version %d; Nix reads versions 5, 6 and 7", lf.Version)
		}
	}
	root := doc.Get("root")
	if root == nil || root.Kind != String {
		bad("lock-malformed", doc, "flake.lock has no \"root\" node name")
	} else {
		lf.Root = root.Str
	}
	nodes := doc.Get("nodes")
	if nodes == nil || nodes.Kind != Object {
		bad("lock-malformed", doc, "flake.lock has no \"nodes\" object")
		return lf, problems
	}
	for _, m := range nodes.Members {
		n := &Node{Key: m.Key, KeyStart: m.KeyStart, KeyEnd: m.KeyEnd, Start: m.Value.Start, End: m.Value.End, Flake: true}
		if lf.Nodes[m.Key] != nil {
			// A node given twice: the last counts, as in Nix.
			lf.Keys = slices.DeleteFunc(lf.Keys, func(k string) bool { return k == m.Key })
		}
		lf.Nodes[m.Key] = n
		lf.Keys = append(lf.Keys, m.Key)
		if m.Value.Kind != Object {
			bad("lock-malformed", m.Value, "node '%s' must be an object", m.Key)
			continue
		}
		if f := m.Value.Get("flake"); f != nil {
			if f.Kind != Bool {
				bad("lock-malformed", f, "\"flake\" must be true or false")
			} else {
				n.Flake = f.Bool
			}
		}
		n.Locked, n.Original = m.Value.Get("locked"), m.Value.Get("original")
		if ins := m.Value.Get("inputs"); ins != nil {
			if ins.Kind != Object {
				bad("lock-malformed", ins, "\"inputs\" must be an object")
			}
			for _, im := range ins.Members {
				e := &Edge{Name: im.Key, KeyStart: im.KeyStart, KeyEnd: im.KeyEnd, Start: im.Value.Start, End: im.Value.End}
				switch im.Value.Kind {
				case String:
					e.Node = im.Value.Str
				case Array:
					e.IsFollows = true
					e.Follows = []string{}
					for _, it := range im.Value.Items {
						if it.Kind != String {
							bad("lock-malformed", it, "a follows path holds input names (strings)")
							continue
						}
						e.Follows = append(e.Follows, it.Str)
					}
				default:
					bad("lock-malformed", im.Value, "input '%s' must be a node name or a follows path", im.Key)
				}
				// An input given twice: the last counts, as in Nix.
				n.Inputs = slices.DeleteFunc(n.Inputs, func(old *Edge) bool { return old.Name == e.Name })
				n.Inputs = append(n.Inputs, e)
			}
		}
	}
	if lf.Root != "" && lf.Nodes[lf.Root] == nil {
		bad("lock-missing-node", root, "the root node '%s' is not in \"nodes\"", lf.Root)
		return lf, problems
	}
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if key != lf.Root {
			if n.Locked == nil || n.Original == nil {
				problems = append(problems, Problem{Code: "lock-malformed", Severity: analysis.Error, Start: n.KeyStart, End: n.KeyEnd,
					Message: fmt.Sprintf("node '%s' lacks \"locked\" or \"original\" (Nix: attribute 'locked'|'original' missing in lock file)", key)})
			} else if why := unlocked(n.Locked); why != "" {
				problems = append(problems, Problem{Code: "lock-unlocked-input", Severity: analysis.Warning, Start: n.Locked.Start, End: n.Locked.End,
					Message: fmt.Sprintf("node '%s' is not pinned (%s); Nix 2.26+ refuses such a lock without --allow-dirty-locks", key, why)})
			}
		}
		for _, e := range n.Inputs {
			if e.IsFollows {
				if _, err := lf.Resolve(e.Follows); err != nil {
					problems = append(problems, Problem{Code: "lock-bad-follows", Severity: analysis.Error, Start: e.Start, End: e.End,
						Message: fmt.Sprintf("input '%s' of node '%s' follows '%s', which does not resolve: %v", e.Name, key, strings.Join(e.Follows, "/"), err)})
				}
			} else if lf.Nodes[e.Node] == nil {
				problems = append(problems, Problem{Code: "lock-missing-node", Severity: analysis.Error, Start: e.Start, End: e.End,
					Message: fmt.Sprintf("input '%s' of node '%s' references missing node '%s'", e.Name, key, e.Node)})
			}
		}
	}
	reach := lf.Reachable()
	for _, key := range lf.Keys {
		if !reach[key] {
			n := lf.Nodes[key]
			problems = append(problems, Problem{Code: "lock-unused-node", Severity: analysis.Warning, Start: n.KeyStart, End: n.KeyEnd,
				Message: fmt.Sprintf("lock node '%s' is not used by any input; `nix flake lock` will drop it", key)})
		}
	}
	return lf, problems
}

// unlocked says why a locked entry is not pinned (Nix's isLocked), or "".
func unlocked(locked *Value) string {
	typ := ""
	if t := locked.Get("type"); t != nil {
		typ = t.Str
	}
	has := func(k string) bool { return locked.Get(k) != nil }
	switch typ {
	case "github", "gitlab", "sourcehut", "git", "hg":
		if !has("rev") {
			return "no rev"
		}
	case "path", "tarball", "file":
		// Relative path inputs (2.26+) are locked without a hash.
		if typ == "path" {
			if p := locked.Get("path"); p != nil && !strings.HasPrefix(p.Str, "/") {
				return ""
			}
		}
		if !has("narHash") {
			return "no narHash"
		}
	case "indirect":
		return "an indirect reference is never locked"
	}
	return ""
}

// Resolve follows an input path from the root (through follows edges,
// which are themselves paths from the root) to a node.
func (lf *LockFile) Resolve(path []string) (*Node, error) {
	r := resolver{lf: lf, done: map[string]resolved{}}
	return r.resolve(path, 0)
}

// resolver resolves paths for one Resolve call, each follows path once:
// a path that goes through follows whose targets go through follows in
// turn would otherwise be resolved again at every use, 2^n times for n
// follows of two segments each (a 1 KB lock took seconds).
type resolver struct {
	lf   *LockFile
	done map[string]resolved // by path, joined with NUL
}

type resolved struct {
	node *Node
	err  error
}

var errFollowsCycle = fmt.Errorf("follows cycle")

func (r *resolver) resolve(path []string, depth int) (*Node, error) {
	if depth > 64 {
		return nil, errFollowsCycle
	}
	key := strings.Join(path, "\x00")
	if res, ok := r.done[key]; ok {
		return res.node, res.err
	}
	// While this path is being resolved, meeting it again is a cycle.
	r.done[key] = resolved{err: errFollowsCycle}
	n, err := r.walk(path, depth)
	r.done[key] = resolved{n, err}
	return n, err
}

func (r *resolver) walk(path []string, depth int) (*Node, error) {
	lf := r.lf
	n := lf.Nodes[lf.Root]
	if n == nil {
		return nil, fmt.Errorf("no root node")
	}
	for i, name := range path {
		e := n.Input(name)
		if e == nil {
			return nil, fmt.Errorf("'%s' has no input '%s'", strings.Join(path[:i], "/"), name)
		}
		if e.IsFollows {
			target, err := r.resolve(e.Follows, depth+1)
			if err != nil {
				return nil, err
			}
			n = target
			continue
		}
		if n = lf.Nodes[e.Node]; n == nil {
			return nil, fmt.Errorf("missing node '%s'", e.Node)
		}
	}
	return n, nil
}

// Reachable is the set of node keys reachable from the root.
func (lf *LockFile) Reachable() map[string]bool {
	seen := map[string]bool{}
	var visit func(key string)
	visit = func(key string) {
		n := lf.Nodes[key]
		if n == nil || seen[key] {
			return
		}
		seen[key] = true
		for _, e := range n.Inputs {
			if !e.IsFollows {
				visit(e.Node)
			}
		}
	}
	visit(lf.Root)
	return seen
}

// Paths returns, for each reachable node, the shortest input path from the
// root that reaches it through node edges (not follows).
func (lf *LockFile) Paths() map[string][]string {
	paths := map[string][]string{lf.Root: {}}
	queue := []string{lf.Root}
	for len(queue) > 0 {
		key := queue[0]
		queue = queue[1:]
		n := lf.Nodes[key]
		if n == nil {
			continue
		}
		for _, e := range n.Inputs {
			if e.IsFollows || lf.Nodes[e.Node] == nil {
				continue
			}
			if _, seen := paths[e.Node]; !seen {
				paths[e.Node] = append(append([]string{}, paths[key]...), e.Name)
				queue = append(queue, e.Node)
			}
		}
	}
	return paths
}

// Duplicate is one repository locked in several nodes.
type Duplicate struct {
	Source string   // "github:NixOS/nixpkgs"
	Keep   string   // a node the root uses directly
	Others []string // copies brought in by dependencies
	// Fixes has one `follows` line per other node, for the input path that
	// brings it in, e.g. `inputs.home-manager.inputs.nixpkgs.follows = "nixpkgs";`.
	Fixes []string
}

// Duplicates finds repositories locked more than once among the reachable
// nodes.
func (lf *LockFile) Duplicates() []Duplicate {
	paths := lf.Paths()
	groups := map[string][]string{}
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if _, ok := paths[key]; !ok || key == lf.Root || n.Original == nil {
			continue
		}
		if src := sourceOf(n.Original); src != "" {
			groups[src] = append(groups[src], key)
		}
	}
	var out []Duplicate
	for src, keys := range groups {
		if len(keys) < 2 {
			continue
		}
		// Only copies brought in by dependencies count: several pins of
		// one repository among the root's own inputs (nixpkgs and
		// nixpkgs-unstable) are deliberate. The copy to keep is one the
		// root uses directly, preferring the input named like the node.
		sort.SliceStable(keys, func(i, j int) bool { return len(paths[keys[i]]) < len(paths[keys[j]]) })
		keep, repo := "", src[strings.LastIndexAny(src, "/:")+1:]
		score := func(k string) int {
			switch name := paths[k][0]; {
			case strings.EqualFold(name, repo):
				return 3 // the input named after the repository
			case name == k:
				return 2
			}
			return 1
		}
		for _, k := range keys {
			if len(paths[k]) == 1 && (keep == "" || score(k) > score(keep)) {
				keep = k
			}
		}
		if keep == "" {
			continue
		}
		d := Duplicate{Source: src, Keep: keep}
		for _, k := range keys {
			if p := paths[k]; len(p) >= 2 {
				d.Others = append(d.Others, k)
				d.Fixes = append(d.Fixes, fmt.Sprintf("inputs.%s.follows = %q;", strings.Join(p, ".inputs."), paths[keep][0]))
			}
		}
		if len(d.Others) > 0 {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// sourceOf names the repository an `original` entry points at, ignoring
// the branch, so that two pins of one repository compare equal.
func sourceOf(orig *Value) string {
	get := func(k string) string {
		if v := orig.Get(k); v != nil && v.Kind == String {
			return v.Str
		}
		return ""
	}
	switch t := get("type"); t {
	case "github", "gitlab", "sourcehut":
		return t + ":" + strings.ToLower(get("owner")+"/"+get("repo"))
	case "git", "hg", "tarball", "file":
		return t + ":" + strings.TrimSuffix(get("url"), ".git")
	case "indirect":
		return "flake:" + get("id")
	}
	return ""
}
