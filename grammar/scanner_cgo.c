// Compiles the external scanner as part of this cgo package.
#include "src/scanner.c"
