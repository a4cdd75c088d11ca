package navigate

import (
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// LockItem is what a name in flake.lock stands for.
type LockItem struct {
	// Node is the lock node named: a node's key, a node an edge leads to
	// (through follows), the node a follows path reaches up to the item.
	Node *lockfile.Node
	// Path is an input path from the root that reaches Node (the
	// shortest through node edges; a follows edge's own path otherwise);
	// nil for the root.
	Path []string
	// Edge is set when the name is an edge of Owner's inputs (its key or
	// value).
	Edge  *lockfile.Edge
	Owner *lockfile.Node
	// OnEdgeKey: the name is the edge's key (the input name), not its
	// value.
	OnEdgeKey bool
	// Start, End: the name, inside its quotes.
	Start, End int
}

// LockItemAt finds the name at off in a flake.lock unit: a node key, an
// input edge's key, the node an edge names, or one name of a follows
// path.
func LockItemAt(u *unit.Unit, off int) (LockItem, bool) {
	lf := u.Lock
	if lf == nil {
		return LockItem{}, false
	}
	paths := lf.Paths()
	pathOf := func(n *lockfile.Node) []string {
		if n == nil {
			return nil
		}
		return paths[n.Key]
	}
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if n == nil {
			continue
		}
		if n.KeyStart <= off && off <= n.KeyEnd {
			return LockItem{Node: n, Path: pathOf(n), Start: n.KeyStart + 1, End: n.KeyEnd - 1}, true
		}
		if off < n.Start || off > n.End {
			continue
		}
		for _, e := range n.Inputs {
			edgePath := func() []string {
				if p, ok := paths[n.Key]; ok {
					return append(append([]string{}, p...), e.Name)
				}
				return nil
			}
			switch {
			case e.KeyStart <= off && off <= e.KeyEnd:
				target := edgeTarget(lf, e)
				return LockItem{Node: target, Path: edgePath(), Edge: e, Owner: n, OnEdgeKey: true, Start: e.KeyStart + 1, End: e.KeyEnd - 1}, true
			case e.Start <= off && off <= e.End && !e.IsFollows:
				target := lf.Nodes[e.Node]
				return LockItem{Node: target, Path: pathOf(target), Edge: e, Owner: n, Start: e.Start + 1, End: e.End - 1}, true
			case e.Start <= off && off <= e.End:
				// One name of a follows path: the node the path reaches
				// up to it.
				start, end, i := followsItem(u.LockSrc, e, off)
				if i < 0 {
					return LockItem{}, false
				}
				target, err := lf.Resolve(e.Follows[:i+1])
				if err != nil {
					target = nil
				}
				return LockItem{Node: target, Path: e.Follows[:i+1], Edge: e, Owner: n, Start: start, End: end}, true
			}
		}
	}
	return LockItem{}, false
}

// edgeTarget is the node an edge leads to, nil when it does not resolve.
func edgeTarget(lf *lockfile.LockFile, e *lockfile.Edge) *lockfile.Node {
	if e.IsFollows {
		n, err := lf.Resolve(e.Follows)
		if err != nil {
			return nil
		}
		return n
	}
	return lf.Nodes[e.Node]
}

// followsItem finds the string of a follows array at off: its range
// inside the quotes and its index (-1 if none).
func followsItem(src []byte, e *lockfile.Edge, off int) (int, int, int) {
	if src == nil || e.End > len(src) {
		return 0, 0, -1
	}
	v, err := lockfile.ParseJSON(src[e.Start:e.End])
	if err != nil || v.Kind != lockfile.Array {
		return 0, 0, -1
	}
	for i, it := range v.Items {
		if e.Start+it.Start <= off && off <= e.Start+it.End && i < len(e.Follows) {
			return e.Start + it.Start + 1, e.Start + it.End - 1, i
		}
	}
	return 0, 0, -1
}

// LockDefinition is where a name in flake.lock leads: for an input of the
// root (a node the root uses directly, or the root's edge), its
// declaration in flake.nix; for a dependency's input, the override
// flake.nix declares for it if any, else the node in the lock; an edge's
// value or a follows name leads to the node. flakeUnit may be nil.
func LockDefinition(u, flakeUnit *unit.Unit, off int) []Location {
	it, ok := LockItemAt(u, off)
	if !ok {
		return nil
	}
	nodeLoc := func(n *lockfile.Node) []Location {
		if n == nil {
			return nil
		}
		return []Location{{Path: u.LockPath, Start: n.KeyStart, End: n.KeyEnd}}
	}
	onKey := it.Edge == nil || it.OnEdgeKey
	if onKey && flakeUnit != nil && flakeUnit.IsFlake() {
		path := it.Path
		if it.OnEdgeKey {
			path = nil
			if p, ok := u.Lock.Paths()[it.Owner.Key]; ok {
				path = append(append([]string{}, p...), it.Edge.Name)
			}
		}
		if loc, ok := DeclarationOf(flakeUnit, path); ok {
			return []Location{loc}
		}
		if !it.OnEdgeKey && len(path) > 1 {
			// A dependency's own input: the input that brings it.
			if loc, ok := DeclarationOf(flakeUnit, path[:1]); ok {
				return []Location{loc}
			}
		}
	}
	if it.Edge != nil && it.OnEdgeKey && it.Node == nil {
		return nil
	}
	if it.Edge == nil {
		return nil // a node's own key, with nothing in flake.nix
	}
	return nodeLoc(it.Node)
}

// DeclarationOf is where flake.nix declares an input path: a top-level
// input, or an override of a dependency's input (`inputs.a.inputs.b`).
func DeclarationOf(u *unit.Unit, path []string) (Location, bool) {
	if len(path) == 0 || !u.IsFlake() {
		return Location{}, false
	}
	if len(path) == 1 {
		return InputDeclaration(u, path[0])
	}
	in := u.Flake.Inputs[path[0]]
	for _, name := range path[1:] {
		if in == nil {
			return Location{}, false
		}
		in = in.Inputs[name]
	}
	if in == nil || in.Key == syntax.NoNode {
		return Location{}, false
	}
	v := u.View
	return Location{Path: u.Path, Start: v.Start(in.Key), End: v.End(in.Key)}, true
}

// lockEdge is where the lock records the input path of a dependency: the
// edge key in the node of its parent path.
func lockEdge(u *unit.Unit, path []string) (Location, bool) {
	lf := u.Lock
	if lf == nil || u.LockPath == "" || len(path) == 0 {
		return Location{}, false
	}
	parent, err := lf.Resolve(path[:len(path)-1])
	if err != nil || parent == nil {
		return Location{}, false
	}
	e := parent.Input(path[len(path)-1])
	if e == nil {
		return Location{}, false
	}
	return Location{Path: u.LockPath, Start: e.KeyStart, End: e.KeyEnd}, true
}

// LockInputAt is the top-level input whose flake.lock node (or root
// edge) is named at off in the lock file.
func LockInputAt(u *unit.Unit, off int) (string, bool) {
	it, ok := LockItemAt(u, off)
	if !ok || len(it.Path) != 1 || u.Lock == nil {
		return "", false
	}
	if root := u.Lock.Nodes[u.Lock.Root]; root == nil || root.Input(it.Path[0]) == nil {
		return "", false
	}
	return it.Path[0], true
}
