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

uint32_t flake_lsp_flatten(const void *root, flat_node *out, uint32_t cap) {
	fl_node r = *(const fl_node *)root;
	fl_cursor c = ts_tree_cursor_new(r);
	uint32_t n = 0;
	// last[d] is the index of the previous node at depth d, to link
	// siblings; parents[d] the index of the node at depth d.
	uint32_t stack_cap = 256, depth = 0;
	uint32_t fixed_parents[256], fixed_last[256];
	uint32_t *parents = fixed_parents, *last = fixed_last;
	last[0] = FLAT_NONE;
	for (;;) {
		fl_node cur = ts_tree_cursor_current_node(&c);
		if (n < cap) {
			flat_node *f = &out[n];
			f->start = ts_node_start_byte(cur);
			f->end = ts_node_end_byte(cur);
			f->parent = depth == 0 ? FLAT_NONE : parents[depth - 1];
			f->next = FLAT_NONE;
			f->symbol = ts_node_symbol(cur);
			f->field = ts_tree_cursor_current_field_id(&c);
			f->flags = (ts_node_is_named(cur) ? FLAT_NAMED : 0) |
				   (ts_node_is_missing(cur) ? FLAT_MISSING : 0) |
				   (ts_node_is_extra(cur) ? FLAT_EXTRA : 0) |
				   (ts_node_has_error(cur) ? FLAT_HAS_ERROR : 0);
			if (last[depth] != FLAT_NONE && last[depth] < cap) {
				out[last[depth]].next = n;
			}
		}
		last[depth] = n;
		n++;
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
			parents[depth] = n - 1;
			depth++;
			last[depth] = FLAT_NONE;
			continue;
		}
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
