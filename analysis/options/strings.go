package options

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// stringValue is the value of a string or indented string literal; an
// interpolation is kept as its source text (`${...}`) when keep is set,
// else ok is false.
func stringValue(v *syntax.View, n syntax.NodeID, keep bool) (string, bool) {
	switch v.Kind(n) {
	case grammar.KindString:
		var b strings.Builder
		for c := v.FirstChild(n); c != syntax.NoNode; c = v.Next(c) {
			switch v.Kind(c) {
			case grammar.KindInterpolation:
				if !keep {
					return "", false
				}
				b.WriteString(v.Text(c))
			case grammar.KindEscapeSequence:
				b.WriteString(unescape(v.Text(c)))
			case grammar.KindStringFragment:
				b.WriteString(v.Text(c))
			}
		}
		return b.String(), true
	case grammar.KindIndentedString:
		return indentedValue(v, n, keep)
	}
	return "", false
}

func unescape(t string) string {
	switch t {
	case `\n`:
		return "\n"
	case `\t`:
		return "\t"
	case `\r`:
		return "\r"
	}
	if len(t) > 1 && t[0] == '\\' {
		return t[1:]
	}
	return t
}

// cell is one character of an indented string's text, or one escape or
// interpolation (content for the indentation rules).
type cell struct {
	text    string
	content bool // an escape or interpolation: never indentation
}

// indentedValue applies Nix's rules for ”...” strings: the smallest
// indentation of the lines with content is removed from every line, a
// first line of spaces is dropped, a last line of spaces emptied.
func indentedValue(v *syntax.View, n syntax.NodeID, keep bool) (string, bool) {
	var cells []cell
	for c := v.FirstChild(n); c != syntax.NoNode; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindInterpolation:
			if !keep {
				return "", false
			}
			cells = append(cells, cell{v.Text(c), true})
		case grammar.KindEscapeSequence:
			t := v.Text(c)
			switch t {
			case "''$":
				t = "$"
			case "'''":
				t = "''"
			case `''\n`:
				t = "\n"
			case `''\t`:
				t = "\t"
			case `''\r`:
				t = "\r"
			default:
				t = strings.TrimPrefix(t, `''\`)
			}
			cells = append(cells, cell{t, true})
		case grammar.KindStringFragment:
			for _, r := range v.Text(c) {
				cells = append(cells, cell{string(r), false})
			}
		}
	}
	// Split into lines (the newline stays with its line).
	var lines [][]cell
	start := 0
	for i, c := range cells {
		if !c.content && c.text == "\n" {
			lines = append(lines, cells[start:i+1])
			start = i + 1
		}
	}
	lines = append(lines, cells[start:])
	blank := func(l []cell) bool {
		for _, c := range l {
			if c.content || (c.text != " " && c.text != "\n") {
				return false
			}
		}
		return true
	}
	indent := -1
	for _, l := range lines {
		if blank(l) {
			continue
		}
		k := 0
		for k < len(l) && !l[k].content && l[k].text == " " {
			k++
		}
		if indent < 0 || k < indent {
			indent = k
		}
	}
	if indent < 0 {
		indent = 0
	}
	var b strings.Builder
	for i, l := range lines {
		if i == 0 && len(lines) > 1 && blank(l) {
			continue
		}
		if i == len(lines)-1 && blank(l) {
			break
		}
		k := 0
		for k < indent && k < len(l) && !l[k].content && l[k].text == " " {
			k++
		}
		for _, c := range l[k:] {
			b.WriteString(c.text)
		}
	}
	return b.String(), true
}

// compact is text with each run of white space made one space.
func compact(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

// parseText parses src as the file rel.
func parseText(rel string, src []byte) *file {
	t := syntax.Parse(src)
	v := syntax.NewView(t, src)
	t.Close()
	return &file{rel: rel, v: v}
}
