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

uint32_t flake_lsp_flatten(const void *root, flat_node *out, uint32_t cap);
