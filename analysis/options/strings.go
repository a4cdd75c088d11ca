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

// seg is a piece of an indented string's text within one line (a newline
// ends its piece), or one escape or interpolation (content for the
// indentation rules).
type seg struct {
	text    string
	content bool // an escape or interpolation: never indentation
}

// indentedValue applies Nix's rules for indented strings: the smallest
// indentation of the lines with content is removed from every line, a
// first line of spaces is dropped, a last line of spaces emptied. Text is
// kept in pieces, not characters: descriptions are most of what an option
// index reads.
func indentedValue(v *syntax.View, n syntax.NodeID, keep bool) (string, bool) {
	var lines [][]seg
	var cur []seg
	for c := v.FirstChild(n); c != syntax.NoNode; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindInterpolation:
			if !keep {
				return "", false
			}
			cur = append(cur, seg{v.Text(c), true})
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
			cur = append(cur, seg{t, true})
		case grammar.KindStringFragment:
			t := v.Text(c)
			for t != "" {
				i := strings.IndexByte(t, '\n')
				if i < 0 {
					cur = append(cur, seg{t, false})
					break
				}
				cur = append(cur, seg{t[:i+1], false})
				lines = append(lines, cur)
				cur = nil
				t = t[i+1:]
			}
		}
	}
	lines = append(lines, cur)
	blank := func(l []seg) bool {
		for _, c := range l {
			if c.content || strings.Trim(c.text, " \n") != "" {
				return false
			}
		}
		return true
	}
	// leading counts the spaces a line starts with (up to limit).
	leading := func(l []seg, limit int) int {
		k := 0
		for _, c := range l {
			if c.content {
				return k
			}
			j := 0
			for j < len(c.text) && c.text[j] == ' ' && k < limit {
				j++
				k++
			}
			if j < len(c.text) || k >= limit {
				return k
			}
		}
		return k
	}
	indent := -1
	for _, l := range lines {
		if blank(l) {
			continue
		}
		k := leading(l, int(^uint(0)>>1))
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
		skip := leading(l, indent)
		for _, c := range l {
			if skip > 0 && !c.content {
				n := min(skip, len(c.text))
				skip -= n
				b.WriteString(c.text[n:])
				continue
			}
			skip = 0
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
