package grammar

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// The Go build cache does not see changes to the C files under src/, so a
// stale srchash.go means a stale binary: run `go generate ./grammar/...`.
func TestSourceHashIsCurrent(t *testing.T) {
	h := sha256.New()
	for _, f := range []string{"src/parser.c", "src/scanner.c"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sourceHash {
		t.Fatalf("srchash.go is stale (have %s, files hash to %s): run go generate ./grammar/...", sourceHash, got)
	}
}
