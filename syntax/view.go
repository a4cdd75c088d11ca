package syntax

import (
	"runtime"
	"sort"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// NodeID identifies a node of a View: its index in preorder. The root is 0.
type NodeID = uint32

// NoNode is the NodeID of an absent node.
const NoNode = grammar.None

// View is an immutable copy of a syntax tree in Go memory, made with one
// cgo call (grammar.Flatten). Whole-tree passes (scopes, flake analysis)
// read it instead of go-tree-sitter's nodes, each of which costs a cgo
// call. A View is safe for concurrent use.
type View struct {
	Src   []byte
	Nodes []grammar.FlatNode

	ids     []uint64 // each node's subtree address in the tree it copies
	treeGen uint64   // that tree's gen
	reused  int      // subtrees copied from an older View
}

// NewView flattens t (which may then be closed or edited).
func NewView(t *Tree, src []byte) *View {
	return NewViewAfter(t, src, nil)
}

// NewViewAfter is NewView for a tree Reparse made from the tree old was
// made from: the subtrees the parser reused are copied from old instead
// of walked (for a large file, most of the tree). Any other old is
// ignored, so passing the previous View of a document is always safe.
//
// A subtree is known to be reused by its address, which is sound only if
// no subtree old names was freed before the parse ended: trees must not
// share subtrees with other trees (never copy a Tree), and Reparse frees
// the previous tree before the next edit (see there).
func NewViewAfter(t *Tree, src []byte, old *View) *View {
	var oldNodes []grammar.FlatNode
	var oldIDs []uint64
	if old != nil && t.prev != 0 && old.treeGen == t.prev {
		oldNodes, oldIDs = old.Nodes, old.ids
	}
	// Nix has up to about one node per two bytes (0.28 on average), and
	// Flatten makes room for sizeHint/2 nodes: with less it walks the tree
	// a second time.
	nodes, ids, reused := grammar.FlattenReusing(t.RootNode(), len(src), oldNodes, oldIDs, t.edits)
	// The C walk reads the tree: a caller that drops t after this call
	// must not let its finalizer free the tree during the walk.
	runtime.KeepAlive(t)
	return &View{Src: src, Nodes: nodes, ids: ids, treeGen: t.gen, reused: reused}
}

// namedSpanning is the innermost named node whose span is exactly
// [start, end), NoNode if none (the node NamedDescendantForPointRange
// finds, when it starts and ends there). Nodes starting at one offset are
// consecutive in preorder, outermost first.
func (v *View) namedSpanning(start, end int) NodeID {
	found := NoNode
	for i := v.firstStartingAt(start); i < len(v.Nodes) && int(v.Nodes[i].Start) == start; i++ {
		if int(v.Nodes[i].End) == end && v.Nodes[i].Flags&grammar.FlagNamed != 0 {
			found = NodeID(i)
		}
	}
	return found
}

// firstStartingAt is the index of the first node (in preorder, which is
// also the order of start offsets) with Start >= offset.
func (v *View) firstStartingAt(offset int) int {
	return sort.Search(len(v.Nodes), func(i int) bool { return int(v.Nodes[i].Start) >= offset })
}

// deepestContaining is the innermost node with Start <= offset < End,
// NoNode if none: the last node in preorder starting at or before offset,
// or the first of its ancestors that reaches past offset.
func (v *View) deepestContaining(offset int) NodeID {
	i := sort.Search(len(v.Nodes), func(i int) bool { return int(v.Nodes[i].Start) > offset }) - 1
	if i < 0 {
		return NoNode
	}
	n := NodeID(i)
	for n != NoNode && int(v.Nodes[n].End) <= offset {
		n = v.Nodes[n].Parent
	}
	return n
}

// Root is the source_file node.
func (v *View) Root() NodeID {
	if len(v.Nodes) == 0 {
		return NoNode
	}
	return 0
}

// Kind is the node's type, e.g. grammar.KindLet, or the token for an
// anonymous node ("=", "let").
func (v *View) Kind(n NodeID) string {
	if n == NoNode {
		return ""
	}
	return grammar.SymbolName(v.Nodes[n].Symbol)
}

// Is reports whether n is a named node of the given kind.
func (v *View) Is(n NodeID, kind string) bool {
	return n != NoNode && v.Nodes[n].Flags&grammar.FlagNamed != 0 && grammar.SymbolName(v.Nodes[n].Symbol) == kind
}

// IsNamed reports whether n is a named node (not punctuation or keyword).
func (v *View) IsNamed(n NodeID) bool {
	return n != NoNode && v.Nodes[n].Flags&grammar.FlagNamed != 0
}

// IsMissing reports a node error recovery inserted.
func (v *View) IsMissing(n NodeID) bool {
	return n != NoNode && v.Nodes[n].Flags&grammar.FlagMissing != 0
}

// IsExtra reports comments.
func (v *View) IsExtra(n NodeID) bool {
	return n != NoNode && v.Nodes[n].Flags&grammar.FlagExtra != 0
}

// HasError reports whether the subtree contains a syntax error.
func (v *View) HasError(n NodeID) bool {
	return n != NoNode && v.Nodes[n].Flags&grammar.FlagHasError != 0
}

// Start and End are the node's byte offsets.
func (v *View) Start(n NodeID) int { return int(v.Nodes[n].Start) }

// End is the node's end byte offset.
func (v *View) End(n NodeID) int { return int(v.Nodes[n].End) }

// Text is the node's source text.
func (v *View) Text(n NodeID) string {
	if n == NoNode {
		return ""
	}
	return string(v.Src[v.Nodes[n].Start:v.Nodes[n].End])
}

// Parent is the node's parent, NoNode for the root.
func (v *View) Parent(n NodeID) NodeID { return v.Nodes[n].Parent }

// FirstChild is the node's first child (named or not), NoNode if none.
func (v *View) FirstChild(n NodeID) NodeID {
	if c := n + 1; int(c) < len(v.Nodes) && v.Nodes[c].Parent == n {
		return c
	}
	return NoNode
}

// Next is the node's next sibling, NoNode if none.
func (v *View) Next(n NodeID) NodeID { return v.Nodes[n].Next }

// FieldName is the field n fills in its parent ("" if none).
func (v *View) FieldName(n NodeID) string { return grammar.FieldNameOf(v.Nodes[n].Field) }

// Child is the first child of n that fills the named field, NoNode if none.
func (v *View) Child(n NodeID, field string) NodeID {
	if n == NoNode {
		return NoNode
	}
	id := fieldIDs[field]
	for c := v.FirstChild(n); c != NoNode; c = v.Nodes[c].Next {
		if v.Nodes[c].Field == id {
			return c
		}
	}
	return NoNode
}

// ChildByField is Child with the field's id (grammar.FieldID), for inner
// loops: Child looks the name up in a map on every call.
func (v *View) ChildByField(n NodeID, field uint16) NodeID {
	if n == NoNode {
		return NoNode
	}
	for c := v.FirstChild(n); c != NoNode; c = v.Nodes[c].Next {
		if v.Nodes[c].Field == field {
			return c
		}
	}
	return NoNode
}

// Children appends the children of n that fill the named field.
func (v *View) Children(n NodeID, field string, out []NodeID) []NodeID {
	id := fieldIDs[field]
	for c := v.FirstChild(n); c != NoNode; c = v.Nodes[c].Next {
		if v.Nodes[c].Field == id {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren appends the named children of n, comments excluded.
func (v *View) NamedChildren(n NodeID, out []NodeID) []NodeID {
	for c := v.FirstChild(n); c != NoNode; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed {
			out = append(out, c)
		}
	}
	return out
}

// SubtreeEnd is one past the last node of n's subtree in preorder: the
// nodes of the subtree are n..SubtreeEnd(n)-1.
func (v *View) SubtreeEnd(n NodeID) NodeID {
	for m := n; m != NoNode; m = v.Nodes[m].Parent {
		if next := v.Nodes[m].Next; next != NoNode {
			return next
		}
	}
	return NodeID(len(v.Nodes))
}

// At is the innermost node whose span contains offset (start <= offset <
// end); when a node ends exactly at offset inside that one, the innermost
// such node instead, so that a cursor just after a word finds the word.
// At the end of the file it is the root, or the node ending there.
func (v *View) At(offset int) NodeID {
	if len(v.Nodes) == 0 {
		return NoNode
	}
	in := v.deepestContaining(offset)
	if in == NoNode {
		in = v.Root()
	}
	if offset > 0 {
		// The node just before the cursor, if it lies inside in.
		before := v.deepestContaining(offset - 1)
		for m := before; m != NoNode; m = v.Nodes[m].Parent {
			if m == in {
				if before != in && int(v.Nodes[before].End) == offset {
					return before
				}
				break
			}
		}
	}
	return in
}

var fieldIDs = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, f := range []string{grammar.FieldAlternative, grammar.FieldArgument, grammar.FieldAttribute, grammar.FieldAttrpath,
		grammar.FieldBody, grammar.FieldCondition, grammar.FieldConsequence, grammar.FieldDefault, grammar.FieldElement,
		grammar.FieldEnvironment, grammar.FieldExpression, grammar.FieldFormals, grammar.FieldFunction, grammar.FieldLeft,
		grammar.FieldName, grammar.FieldOperand, grammar.FieldOperator, grammar.FieldParameter, grammar.FieldRight,
		grammar.FieldSource, grammar.FieldValue} {
		m[f] = grammar.FieldID(f)
		if m[f] == 0 {
			panic("syntax: unknown field " + f)
		}
	}
	return m
}()
