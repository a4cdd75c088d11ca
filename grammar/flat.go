package grammar

// #include "flat.h"
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// None marks an absent node index in a Flat tree.
const None = ^uint32(0)

// Node flags in a FlatNode.
const (
	FlagNamed    = 1
	FlagMissing  = 2
	FlagExtra    = 4
	FlagHasError = 8
)

// FlatNode is one node of a Flat tree; its layout mirrors flat_node in
// flat.h.
type FlatNode struct {
	Start, End   uint32 // byte offsets
	Parent, Next uint32 // node indexes, None when absent
	Symbol       uint16
	Field        uint16 // the field this node fills in its parent, 0 if none
	Flags        uint32
}

func init() {
	// A layout mismatch with the C struct would corrupt every tree.
	if unsafe.Sizeof(FlatNode{}) != unsafe.Sizeof(C.flat_node{}) {
		panic("grammar: FlatNode does not match flat_node")
	}
}

// Flatten copies the tree under root into a preorder array in one cgo call.
// The first child of node i, if any, is i+1 (its Parent is i); siblings are
// linked by Next.
func Flatten(root *sitter.Node, sizeHint int) []FlatNode {
	nodes, _, _ := FlattenReusing(root, sizeHint, nil, nil, nil)
	return nodes
}

// FlattenReusing is Flatten that also returns each node's subtree address
// (ids), and, given the copy and ids of the tree this one was incrementally
// parsed from and the edits made to it (triples of byte offsets: start,
// old end, new end, in the order applied), copies the subtrees the parser
// reused from that old copy instead of walking them; reused counts those
// subtrees. The old copy must be of exactly the tree that was edited and
// passed to the parse: only then does an address shared with the new tree
// mean the same subtree.
func FlattenReusing(root *sitter.Node, sizeHint int, old []FlatNode, oldIDs []uint64, edits []uint32) (nodes []FlatNode, ids []uint64, reused int) {
	if root == nil {
		return nil, nil, 0
	}
	// go-tree-sitter's Node starts with the C TSNode it wraps (32 bytes of
	// integers and C pointers); copy it out of the Go struct, whose other
	// field is a Go pointer cgo must not see.
	tsnode := *(*[4]uint64)(unsafe.Pointer(root))
	cnode := unsafe.Pointer(&tsnode)
	size := sizeHint/2 + 64
	var oldPtr *C.flat_node
	var editsPtr *C.uint32_t
	var oldIDPtr *C.uint64_t
	if len(edits) > 0 && len(edits)%3 == 0 {
		editsPtr = (*C.uint32_t)(unsafe.Pointer(&edits[0]))
	} else {
		edits = nil
	}
	if len(old) > 0 && len(oldIDs) == len(old) {
		// An edit changes few nodes: room for the old count and some.
		size = len(old) + len(old)/8 + 64
		oldPtr = (*C.flat_node)(unsafe.Pointer(&old[0]))
		oldIDPtr = (*C.uint64_t)(unsafe.Pointer(&oldIDs[0]))
	} else {
		old = nil
	}
	for {
		nodes = make([]FlatNode, size)
		ids = make([]uint64, size)
		var r C.uint32_t
		n := int(C.flake_lsp_flatten(cnode, (*C.flat_node)(unsafe.Pointer(&nodes[0])), (*C.uint64_t)(unsafe.Pointer(&ids[0])),
			C.uint32_t(size), oldPtr, oldIDPtr, C.uint32_t(len(old)), editsPtr, C.uint32_t(len(edits)/3), &r))
		if n <= size {
			if size-n > n/4 && (size-n)*int(unsafe.Sizeof(FlatNode{})) > 1<<20 {
				// Do not keep a mostly empty guess of a large file alive
				// with the copy.
				nodes, ids = append([]FlatNode(nil), nodes[:n]...), append([]uint64(nil), ids[:n]...)
			}
			return nodes[:n:n], ids[:n:n], int(r)
		}
		size = n
	}
}

var (
	symbolNames []string
	fieldNames  []string
)

// fieldSymbols[s] is 1 when symbol s is of a kind that fills a field
// somewhere (C memory: the flattening reads it without Go pointers).
var fieldSymbols *C.uint8_t

func init() {
	count := int(language.SymbolCount())
	symbolNames = make([]string, count)
	for i := range symbolNames {
		symbolNames[i] = language.SymbolName(sitter.Symbol(i))
	}
	inField := map[string]bool{}
	for _, k := range fieldKinds {
		inField[k] = true
	}
	fieldSymbols = (*C.uint8_t)(C.calloc(C.size_t(count), 1))
	table := unsafe.Slice((*uint8)(unsafe.Pointer(fieldSymbols)), count)
	for i, name := range symbolNames {
		if inField[name] {
			table[i] = 1
		}
	}
	C.flake_lsp_set_field_symbols(fieldSymbols, C.uint32_t(count))
	for i := 0; ; i++ {
		name := language.FieldName(i)
		if i > 0 && name == "" {
			break
		}
		fieldNames = append(fieldNames, name)
	}
}

// CanFillField reports whether a node of this symbol can fill a field of
// its parent (ERROR nodes can, in error recovery). The runtime's field
// lookup walks up through hidden ancestors, which is long inside a large
// set (its bindings sit in a hidden left-recursive list): callers skip it
// for the symbols that never fill one.
func CanFillField(sym uint16) bool {
	if int(sym) >= len(symbolNames) {
		return true
	}
	return unsafe.Slice((*uint8)(unsafe.Pointer(fieldSymbols)), len(symbolNames))[sym] != 0
}

// SymbolName is the node kind for a symbol ("ERROR" for errors).
func SymbolName(sym uint16) string {
	if int(sym) < len(symbolNames) {
		return symbolNames[sym]
	}
	if sym == 0xffff {
		return KindError
	}
	return ""
}

// SymbolFor is the symbol of a named node kind (the first one, if
// aliases share the name); it panics for an unknown kind.
func SymbolFor(kind string) uint16 {
	for i, name := range symbolNames {
		if name == kind && language.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular {
			return uint16(i)
		}
	}
	panic("grammar: no symbol for kind " + kind)
}

// FieldID returns the id of a field name, 0 if there is none.
func FieldID(name string) uint16 {
	for i, n := range fieldNames {
		if i > 0 && n == name {
			return uint16(i)
		}
	}
	return 0
}

// FieldNameOf is the name of a field id.
func FieldNameOf(id uint16) string {
	if int(id) < len(fieldNames) {
		return fieldNames[id]
	}
	return ""
}
