package syntax

import (
	"fmt"
	"io"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// WriteSExpr writes the named nodes under root as an S-expression, one node
// per line, with field names and [row, column] - [row, column] ranges (rows
// and byte columns from 0), MISSING nodes included: the format of
// `tree-sitter parse`.
func WriteSExpr(w io.Writer, root *sitter.Node) error {
	var b strings.Builder
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	depth := 0
	needNewline := false
	for {
		n := c.CurrentNode()
		if n.IsNamed() || n.IsMissing() {
			if needNewline {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Repeat("  ", depth))
			if grammar.CanFillField(uint16(n.Symbol())) {
				if f := c.CurrentFieldName(); f != "" {
					b.WriteString(f)
					b.WriteString(": ")
				}
			}
			b.WriteByte('(')
			if n.IsMissing() {
				if n.IsNamed() {
					fmt.Fprintf(&b, "MISSING %s", n.Type())
				} else {
					fmt.Fprintf(&b, "MISSING %q", n.Type())
				}
			} else {
				b.WriteString(n.Type())
			}
			s, e := n.StartPoint(), n.EndPoint()
			fmt.Fprintf(&b, " [%d, %d] - [%d, %d]", s.Row, s.Column, e.Row, e.Column)
			needNewline = true
		}
		if c.GoToFirstChild() {
			if n.IsNamed() {
				depth++
			}
			continue
		}
		if n.IsNamed() || n.IsMissing() {
			b.WriteByte(')')
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				b.WriteByte('\n')
				_, err := io.WriteString(w, b.String())
				return err
			}
			p := c.CurrentNode()
			if p.IsNamed() {
				depth--
				b.WriteByte(')')
			}
		}
	}
}
