#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FLAT_NONE 0xffffffffu
#define FLAT_NAMED 1
#define FLAT_MISSING 2
#define FLAT_EXTRA 4
#define FLAT_HAS_ERROR 8

// One node of a flattened tree, in preorder. Mirrored by grammar.FlatNode.
typedef struct {
	uint32_t start, end;   // byte offsets
	uint32_t parent, next; // indexes, FLAT_NONE when absent
	uint16_t symbol, field;
	uint32_t flags;
} flat_node;

// Copies the tree under root into out (cap nodes) and, if ids is not NULL,
// each node's subtree address into ids; returns the node count (more than
// cap means out was too small). With an old copy of an earlier version of
// the same tree (old, old_ids, old_n) and the edits between them (n_edits
// triples of byte offsets: start, old end, new end, in the order applied),
// subtrees the parser reused are copied from it; *reused counts them.
uint32_t flake_lsp_flatten(const void *root, flat_node *out, uint64_t *ids, uint32_t cap,
			   const flat_node *old, const uint64_t *old_ids, uint32_t old_n,
			   const uint32_t *edits, uint32_t n_edits, uint32_t *reused);

// Symbols of kinds that never fill a field (field_sym[symbol] == 0; symbols
// at or above field_n, such as ERROR, always count as possible): set once
// at start-up, read by flake_lsp_flatten.
void flake_lsp_set_field_symbols(const uint8_t *field_sym, uint32_t field_n);
