package syntax

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

// Binary data is not parsed: tree-sitter's recovery on it takes minutes
// and gigabytes. One error says what it is, at its first control byte.
func TestBinaryData(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	src := make([]byte, 4<<20)
	rng.Read(src)
	src[100] = 0
	tree := Parse(src)
	defer tree.Close()
	errs := tree.Errors(src)
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "binary data") || errs[0].StartByte > 100 {
		t.Fatalf("errors %+v", errs)
	}
	// Text with the odd control character is still text.
	text := []byte("{ a = \"x\x01y\"; b = 1; }\n")
	if _, ok := binaryData(text); ok {
		t.Errorf("a control character in a string makes text binary")
	}
}

// Nesting deeper than the locator follows is left to the tree's errors:
// an answer, no crash, no stack overflow.
func TestDeepNesting(t *testing.T) {
	for _, src := range [][]byte{
		append(bytes.Repeat([]byte("("), 100000), append([]byte("1"), bytes.Repeat([]byte(")"), 99999)...)...),
		bytes.Repeat([]byte("["), 100000),
		append(bytes.Repeat([]byte("{a="), 100000), '1'),
	} {
		tree := Parse(src)
		errs := tree.Errors(src)
		tree.Close()
		if len(errs) == 0 {
			t.Errorf("%q...: no error", src[:10])
		}
	}
}
