// Copies a syntax tree into a flat array in one call: reading nodes one
// cgo call at a time costs ~600 ns a node through go-tree-sitter, which
// made whole-tree passes over large files take ~90 ms.
#include <stdbool.h>
#include <stdint.h>
#include "flat.h"

// The tree-sitter runtime (compiled by go-tree-sitter) provides these; the
// struct layouts are those of its 0.22 C API.
typedef struct { uint32_t row, column; } fl_point;
typedef struct { uint32_t context[4]; const void *id; const void *tree; } fl_node;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } fl_cursor;

extern fl_cursor ts_tree_cursor_new(fl_node);
extern void ts_tree_cursor_delete(fl_cursor *);
extern bool ts_tree_cursor_goto_first_child(fl_cursor *);
extern bool ts_tree_cursor_goto_next_sibling(fl_cursor *);
extern bool ts_tree_cursor_goto_parent(fl_cursor *);
extern fl_node ts_tree_cursor_current_node(const fl_cursor *);
extern uint16_t ts_tree_cursor_current_field_id(const fl_cursor *);
extern uint16_t ts_node_symbol(fl_node);
extern uint32_t ts_node_start_byte(fl_node);
extern uint32_t ts_node_end_byte(fl_node);
extern bool ts_node_is_named(fl_node);
extern bool ts_node_is_missing(fl_node);
extern bool ts_node_is_extra(fl_node);
extern bool ts_node_has_error(fl_node);

// map_back maps the span [p, p+len) of the new text to the old one through
// the edits (triples start, old end, new end, in the order applied); false
// if the span overlaps an edit.
static bool map_back(uint32_t p, uint32_t len, const uint32_t *edits, uint32_t n_edits, uint32_t *out) {
	for (uint32_t i = n_edits; i-- > 0;) {
		uint32_t start = edits[3 * i], old_end = edits[3 * i + 1], new_end = edits[3 * i + 2];
		if (p + len <= start) continue;
		if (p < new_end) return false;
		p = p - new_end + old_end;
	}
	*out = p;
	return true;
}

// subtree_id is the address of the node's subtree data, which the runtime
// shares between the old tree and the new one when the parser reuses the
// subtree. A TSNode's id is not that: it points at the slot holding the
// subtree in its parent's child array, so a reused subtree under a new
// parent (each binding of a set after an edit) has a new id. Subtrees
// small enough to be stored in the slot itself (leaves: the value has its
// lowest bit set, heap addresses are aligned) have no address: 0.
static uint64_t subtree_id(fl_node n) {
	if (n.id == NULL) return 0;
	uint64_t v = *(const uint64_t *)n.id;
	return (v & 1) ? 0 : v;
}

static const uint8_t *field_sym;
static uint32_t field_n;

void flake_lsp_set_field_symbols(const uint8_t *syms, uint32_t n) {
	field_sym = syms;
	field_n = n;
}

// field_of is the field the cursor's node fills. The runtime finds it by
// walking up through the node's hidden ancestors, and a set's bindings sit
// in a hidden left-recursive list (see grammar.js): for the k-th of n
// bindings that is n-k steps, quadratic over a set of thousands. Kinds
// that never fill a field (bindings, inherits, comments) skip the walk.
static uint16_t field_of(const fl_cursor *c, uint16_t symbol) {
	if (field_sym != NULL && symbol < field_n && !field_sym[symbol]) return 0;
	return ts_tree_cursor_current_field_id(c);
}

// subtree_end is one past the last descendant of node o of a copy.
static uint32_t subtree_end(const flat_node *nodes, uint32_t n, uint32_t o) {
	for (uint32_t m = o; m != FLAT_NONE; m = nodes[m].parent) {
		if (nodes[m].next != FLAT_NONE) return nodes[m].next;
	}
	return n;
}

uint32_t flake_lsp_flatten(const void *root, flat_node *out, uint64_t *ids, uint32_t cap,
			   const flat_node *old, const uint64_t *old_ids, uint32_t old_n,
			   const uint32_t *edits, uint32_t n_edits, uint32_t *reused) {
	fl_node r = *(const fl_node *)root;
	fl_cursor c = ts_tree_cursor_new(r);
	uint32_t n = 0;
	// j walks the old copy in step with the new walk: both are in preorder,
	// so in order of start, and the edits keep that order.
	uint32_t j = 0;
	bool reuse = old != NULL && old_ids != NULL && old_n > 0;
	*reused = 0;
	// last[d] is the index of the previous node at depth d, to link
	// siblings; parents[d] the index of the node at depth d.
	uint32_t stack_cap = 256, depth = 0;
	uint32_t fixed_parents[256], fixed_last[256];
	uint32_t *parents = fixed_parents, *last = fixed_last;
	last[0] = FLAT_NONE;
	for (;;) {
		fl_node cur = ts_tree_cursor_current_node(&c);
		uint32_t start = ts_node_start_byte(cur), end = ts_node_end_byte(cur);
		uint64_t id = subtree_id(cur);
		if (n < cap) {
			flat_node *f = &out[n];
			f->start = start;
			f->end = end;
			f->parent = depth == 0 ? FLAT_NONE : parents[depth - 1];
			f->next = FLAT_NONE;
			f->symbol = ts_node_symbol(cur);
			f->field = field_of(&c, f->symbol);
			f->flags = (ts_node_is_named(cur) ? FLAT_NAMED : 0) |
				   (ts_node_is_missing(cur) ? FLAT_MISSING : 0) |
				   (ts_node_is_extra(cur) ? FLAT_EXTRA : 0) |
				   (ts_node_has_error(cur) ? FLAT_HAS_ERROR : 0);
			if (ids != NULL) ids[n] = id;
			if (last[depth] != FLAT_NONE && last[depth] < cap) {
				out[last[depth]].next = n;
			}
		}
		last[depth] = n;
		uint32_t self = n++;
		// A subtree the parser reused from the old tree (same address: the
		// runtime never reuses a subtree an edit touched) is the same
		// below its root: copy its old descendants, shifted, instead of
		// walking them. Its root's symbol, field and flags may differ (an
		// alias or field comes from the new parent), so it was read above.
		// The old node is found where the edits put it.
		uint32_t old_start;
		if (reuse && id != 0 && map_back(start, end - start, edits, n_edits, &old_start)) {
			while (j < old_n && old[j].start < old_start) j++;
			// Nodes starting at one offset come outermost first: those
			// longer than this node cannot be it or anything the walk
			// meets later at this offset (its descendants), so skip them
			// for good (a chain of 10,000 `+` all starts at one offset).
			while (j < old_n && old[j].start == old_start && old[j].end - old[j].start > end - start) j++;
			uint32_t o = FLAT_NONE;
			for (uint32_t k = j; k < old_n && k < j + 64 && old[k].start == old_start; k++) {
				if (old_ids[k] == id && old[k].end - old[k].start == end - start) {
					o = k;
					break;
				}
			}
			if (o != FLAT_NONE) {
				uint32_t e = subtree_end(old, old_n, o), count = e - o - 1;
				if (self + 1 + count <= cap) {
					int64_t delta = (int64_t)start - (int64_t)old[o].start;
					uint32_t shift = self - o; // wraps when self < o; sums wrap back
					for (uint32_t k = 1; k <= count; k++) {
						flat_node f = old[o + k];
						f.start = (uint32_t)((int64_t)f.start + delta);
						f.end = (uint32_t)((int64_t)f.end + delta);
						f.parent += shift;
						if (f.next != FLAT_NONE) f.next += shift;
						out[self + k] = f;
						if (ids != NULL) ids[self + k] = old_ids[o + k];
					}
				}
				n += count;
				j = e;
				(*reused)++;
				goto next_sibling;
			}
		}
		if (ts_tree_cursor_goto_first_child(&c)) {
			if (depth + 2 >= stack_cap) {
				// Deep trees (long operator chains) outgrow the fixed stack.
				uint32_t nc = stack_cap * 2;
				uint32_t *np = malloc(nc * sizeof *np), *nl = malloc(nc * sizeof *nl);
				memcpy(np, parents, stack_cap * sizeof *np);
				memcpy(nl, last, stack_cap * sizeof *nl);
				if (parents != fixed_parents) { free(parents); free(last); }
				parents = np; last = nl; stack_cap = nc;
			}
			parents[depth] = self;
			depth++;
			last[depth] = FLAT_NONE;
			continue;
		}
	next_sibling:
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				goto done;
			}
			depth--;
		}
	}
done:
	ts_tree_cursor_delete(&c);
	if (parents != fixed_parents) { free(parents); free(last); }
	return n;
}
