package nixparse

import (
	"bytes"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// The locator runs only on text the tree says is broken: these are the
// keystrokes that leave a ';' untyped.
func BenchmarkCheck(b *testing.B) {
	flake, _ := benchdata.Flake300()
	set := benchdata.PackageSet(650 << 10)
	for _, c := range []struct {
		name string
		src  []byte
	}{
		{"flake300-missing-semicolon", dropSemicolonAt(flake, len(flake)/2)},
		{"flake300-valid", flake},
		{"packageset650k-missing-semicolon", dropSemicolonAt(set, len(set)/2)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.src)))
			b.ReportAllocs()
			for b.Loop() {
				Check(c.src)
			}
		})
	}
}

// dropSemicolonAt deletes the first ';' at or after offset.
func dropSemicolonAt(src []byte, offset int) []byte {
	i := offset + bytes.IndexByte(src[offset:], ';')
	return append(append([]byte{}, src[:i]...), src[i+1:]...)
}

func TestBenchInputsAreBroken(t *testing.T) {
	flake, _ := benchdata.Flake300()
	if len(Check(dropSemicolonAt(flake, len(flake)/2)).Errors) != 1 || len(Check(flake).Errors) != 0 {
		t.Fatal("the benchmark's inputs are not what they claim")
	}
}
