package grammar

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/internal/benchdata"
)

// largeSource builds a realistic file of at least size bytes: the valid
// testdata files, each in parentheses, as elements of one list, repeated.
func largeSource(tb testing.TB, size int) []byte {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "valid", "*.nix"))
	if len(files) == 0 {
		tb.Skip("no testdata/parse/valid files")
	}
	var parts [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		// Skip files whose last line is a comment (the closing parenthesis
		// would be commented out) or that contain CR line endings.
		if bytes.Contains(b, []byte{'\r'}) || bytes.Contains(b[bytes.LastIndexByte(bytes.TrimRight(b, "\n"), '\n')+1:], []byte{'#'}) {
			continue
		}
		parts = append(parts, b)
	}
	var out bytes.Buffer
	out.WriteString("[\n")
	for out.Len() < size {
		for _, p := range parts {
			out.WriteString("(\n")
			out.Write(p)
			out.WriteString("\n)\n")
		}
	}
	out.WriteString("]\n")
	return out.Bytes()
}

func TestLargeSourceParsesCleanly(t *testing.T) {
	for _, src := range [][]byte{largeSource(t, 650_000), benchdata.PackageSet(650_000)} {
		tree, err := NewParser().ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatal(err)
		}
		if tree.RootNode().HasError() {
			t.Fatal("a benchmark input has syntax errors")
		}
	}
}

// BenchmarkParseFull parses a 650 KB file from scratch; MB/s is the
// throughput. "mixed" is the testdata files (modules, packages, flakes,
// overlays, string-heavy) in one list; "packageset" a flat package set.
func BenchmarkParseFull(b *testing.B) {
	b.Run("mixed", func(b *testing.B) { benchmarkParseFull(b, largeSource(b, 650_000)) })
	b.Run("packageset", func(b *testing.B) { benchmarkParseFull(b, benchdata.PackageSet(650_000)) })
}

func benchmarkParseFull(b *testing.B, src []byte) {
	p := NewParser()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tree, err := p.ParseCtx(context.Background(), nil, src)
		if err != nil {
			b.Fatal(err)
		}
		// Free the C memory now rather than at some later garbage
		// collection, as the server does when it replaces a tree.
		tree.Close()
	}
}

// BenchmarkReparseOneChar measures Tree.Edit plus an incremental reparse
// after typing (and then deleting) one character in the middle of a 650 KB
// file.
func BenchmarkReparseOneChar(b *testing.B) {
	b.Run("mixed", func(b *testing.B) { benchmarkReparseOneChar(b, largeSource(b, 650_000)) })
	b.Run("packageset", func(b *testing.B) { benchmarkReparseOneChar(b, benchdata.PackageSet(650_000)) })
}

func benchmarkReparseOneChar(b *testing.B, src []byte) {
	p := NewParser()
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		b.Fatal(err)
	}
	// An identifier near the middle: typing a letter into it keeps the
	// file valid, the common case while editing.
	mid := len(src) / 2
	for !(src[mid] >= 'a' && src[mid] <= 'z' && src[mid-1] >= 'a' && src[mid-1] <= 'z') {
		mid++
	}
	original := src
	edited := append(append(append([]byte{}, src[:mid]...), 'x'), src[mid:]...)
	row := uint32(bytes.Count(src[:mid], []byte{'\n'}))
	col := uint32(mid - (bytes.LastIndexByte(src[:mid], '\n') + 1))
	insert := sitter.EditInput{
		StartIndex: uint32(mid), OldEndIndex: uint32(mid), NewEndIndex: uint32(mid + 1),
		StartPoint: sitter.Point{Row: row, Column: col}, OldEndPoint: sitter.Point{Row: row, Column: col},
		NewEndPoint: sitter.Point{Row: row, Column: col + 1},
	}
	remove := sitter.EditInput{
		StartIndex: uint32(mid), OldEndIndex: uint32(mid + 1), NewEndIndex: uint32(mid),
		StartPoint: insert.StartPoint, OldEndPoint: insert.NewEndPoint, NewEndPoint: insert.StartPoint,
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text, edit := edited, insert
		if i%2 == 1 {
			text, edit = original, remove
		}
		tree.Edit(edit)
		next, err := p.ParseCtx(context.Background(), tree, text)
		if err != nil {
			b.Fatal(err)
		}
		tree.Close()
		tree = next
	}
}
