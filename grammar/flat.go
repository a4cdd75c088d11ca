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
	if root == nil {
		return nil
	}
	// go-tree-sitter's Node starts with the C TSNode it wraps (32 bytes of
	// integers and C pointers); copy it out of the Go struct, whose other
	// field is a Go pointer cgo must not see.
	tsnode := *(*[4]uint64)(unsafe.Pointer(root))
	cnode := unsafe.Pointer(&tsnode)
	nodes := make([]FlatNode, sizeHint/2+64)
	for {
		n := uint32(C.flake_lsp_flatten(cnode, (*C.flat_node)(unsafe.Pointer(&nodes[0])), C.uint32_t(len(nodes))))
		if int(n) <= len(nodes) {
			return nodes[:n:n]
		}
		nodes = make([]FlatNode, n)
	}
}

var (
	symbolNames []string
	fieldNames  []string
)

func init() {
	count := int(language.SymbolCount())
	symbolNames = make([]string, count)
	for i := range symbolNames {
		symbolNames[i] = language.SymbolName(sitter.Symbol(i))
	}
	for i := 0; ; i++ {
		name := language.FieldName(i)
		if i > 0 && name == "" {
			break
		}
		fieldNames = append(fieldNames, name)
	}
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
