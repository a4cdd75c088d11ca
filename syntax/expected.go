package syntax

// What the parser would have accepted before an ERROR node, from
// tree-sitter's lookahead iterator. go-tree-sitter does not wrap that part
// of the C API, so it is called here directly: the node struct of the
// pinned go-tree-sitter version starts with the C TSNode.

// #include <stdbool.h>
// #include <stdint.h>
// typedef struct { uint32_t context[4]; const void *id; const void *tree; } ts_node_copy;
// typedef struct TSLanguage TSLanguage;
// typedef struct TSLookaheadIterator TSLookaheadIterator;
// const TSLanguage *tree_sitter_nix(void);
// uint16_t ts_node_parse_state(ts_node_copy);
// uint16_t ts_node_next_parse_state(ts_node_copy);
// TSLookaheadIterator *ts_lookahead_iterator_new(const TSLanguage *, uint16_t);
// bool ts_lookahead_iterator_next(TSLookaheadIterator *);
// uint16_t ts_lookahead_iterator_current_symbol(const TSLookaheadIterator *);
// void ts_lookahead_iterator_delete(TSLookaheadIterator *);
// const char *ts_language_symbol_name(const TSLanguage *, uint16_t);
// int ts_language_symbol_type(const TSLanguage *, uint16_t);
import "C"

import (
	"sort"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// Token kinds too generic to help in a message.
var hiddenExpected = map[string]bool{
	"comment": true, "string_fragment": true, "escape_sequence": true,
	"end": true, "ERROR": true,
}

const maxExpected = 6

// expectedBefore lists the tokens valid just before the error node (whose
// previous sibling is prev, nil if none), or nothing when there are too
// many to be useful.
func expectedBefore(errNode, prev *sitter.Node) []string {
	var state C.uint16_t
	if prev != nil {
		state = C.ts_node_next_parse_state(*(*C.ts_node_copy)(unsafe.Pointer(prev)))
	} else {
		leaf := firstLeaf(errNode)
		if leaf == nil {
			return nil
		}
		state = C.ts_node_parse_state(*(*C.ts_node_copy)(unsafe.Pointer(leaf)))
	}
	lang := C.tree_sitter_nix()
	it := C.ts_lookahead_iterator_new(lang, state)
	if it == nil {
		return nil
	}
	defer C.ts_lookahead_iterator_delete(it)
	seen := map[string]bool{}
	var out []string
	for C.ts_lookahead_iterator_next(it) {
		sym := C.ts_lookahead_iterator_current_symbol(it)
		name := C.GoString(C.ts_language_symbol_name(lang, sym))
		typ := sitter.SymbolType(C.ts_language_symbol_type(lang, sym))
		if name == "" || name[0] == '_' || hiddenExpected[name] || typ == sitter.SymbolTypeAuxiliary {
			continue
		}
		d := describe(name, typ == sitter.SymbolTypeRegular)
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	if len(out) == 0 || len(out) > maxExpected {
		return nil
	}
	sort.Strings(out)
	return out
}
