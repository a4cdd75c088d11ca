// Compiles the generated parser as part of this cgo package.
#include "src/parser.c"
