package syntax

import (
	"bytes"
	"context"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// Edit describes replacing src[Start:OldEnd] with Text.
type Edit struct {
	Start, OldEnd int
	Text          []byte
}

// Apply returns the edited text and the matching tree-sitter edit (byte
// offsets and row/byte-column points before and after), ready for
// Tree.Edit followed by an incremental reparse.
func (e Edit) Apply(src []byte) ([]byte, sitter.EditInput) {
	out := make([]byte, 0, len(src)-(e.OldEnd-e.Start)+len(e.Text))
	out = append(out, src[:e.Start]...)
	out = append(out, e.Text...)
	out = append(out, src[e.OldEnd:]...)
	newEnd := e.Start + len(e.Text)
	return out, sitter.EditInput{
		StartIndex:  uint32(e.Start),
		OldEndIndex: uint32(e.OldEnd),
		NewEndIndex: uint32(newEnd),
		StartPoint:  PointAt(src, e.Start),
		OldEndPoint: PointAt(src, e.OldEnd),
		NewEndPoint: PointAt(out, newEnd),
	}
}

// PointAt is the tree-sitter point of a byte offset: rows split at '\n'
// (as tree-sitter counts them), columns in bytes.
func PointAt(src []byte, offset int) sitter.Point {
	before := src[:offset]
	row := bytes.Count(before, []byte{'\n'})
	col := offset - (bytes.LastIndexByte(before, '\n') + 1)
	return sitter.Point{Row: uint32(row), Column: uint32(col)}
}

// Reparse brings old up to date with src after edits (each already applied
// to the text, in order) and parses incrementally, under the same guard as
// Parse. old is consumed: it is edited and closed, and must not be used
// again. A tree whose parse was abandoned is not reused (its text was
// blanked), and neither is one whose incremental parse runs out of time.
func Reparse(old *Tree, edits []sitter.EditInput, src []byte) *Tree {
	t, _ := ReparseContext(context.Background(), old, edits, src)
	return t
}

// ReparseContext is Reparse that gives up when ctx is done, returning nil
// and ctx's error (old is consumed all the same).
func ReparseContext(ctx context.Context, old *Tree, edits []sitter.EditInput, src []byte) (*Tree, error) {
	if old == nil || old.Tree == nil {
		return ParseContext(ctx, src)
	}
	if old.Abandoned != nil {
		old.Close()
		return ParseContext(ctx, src)
	}
	for _, e := range edits {
		old.Edit(e)
	}
	p := grammar.NewParser()
	defer p.Close()
	pctx, cancel := context.WithTimeout(ctx, ParseBudget(len(src)))
	tree, err := p.ParseCtx(pctx, old.Tree, src)
	cancel()
	// Freed here, not in the background (which would save 1.5 ms for a
	// 650 KB file): while a tree being freed shares subtrees with the next
	// one, editing that one copies the shared subtrees, the originals are
	// then freed and their addresses can come back in the next parse as
	// other subtrees, which NewViewAfter would take for reused ones.
	old.Close()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return ParseContext(ctx, src)
	}
	t := newTree(tree, old.gen)
	t.edits = make([]uint32, 0, 3*len(edits))
	for _, e := range edits {
		t.edits = append(t.edits, e.StartIndex, e.OldEndIndex, e.NewEndIndex)
	}
	return t, nil
}
