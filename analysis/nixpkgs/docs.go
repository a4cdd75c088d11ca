package nixpkgs

import (
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// docBefore is the documentation comment of what starts at offset: the
// comment that ends right before it (only blanks between) and starts its
// own line, a run of `#` comments on consecutive lines taken together.
func (p *parsed) docBefore(offset int) string {
	v := p.v
	i := sort.Search(len(p.comments), func(i int) bool { return v.Start(p.comments[i]) >= offset }) - 1
	if i < 0 {
		return ""
	}
	c := p.comments[i]
	if !blankBetween(v.Src, v.End(c), offset) || !startsLine(v.Src, v.Start(c)) {
		return ""
	}
	text := v.Text(c)
	if strings.HasPrefix(text, "/*") {
		return blockDoc(text)
	}
	// A run of line comments, each on the line after the previous.
	first := i
	for first > 0 {
		prev := p.comments[first-1]
		pt := v.Text(prev)
		if strings.HasPrefix(pt, "/*") || !startsLine(v.Src, v.Start(prev)) ||
			strings.Count(string(v.Src[v.End(prev):v.Start(p.comments[first])]), "\n") != 1 ||
			!blankBetween(v.Src, v.End(prev), v.Start(p.comments[first])) {
			break
		}
		first--
	}
	lines := make([]string, 0, i-first+1)
	for j := first; j <= i; j++ {
		lines = append(lines, strings.TrimPrefix(v.Text(p.comments[j]), "#"))
	}
	return trimLines(lines)
}

// docAfter is the `#` comment that follows a binding on its line
// (`mkDefault = mkOverride 1000; # ...`); offset is where its value ends.
func (p *parsed) docAfter(offset int) string {
	v := p.v
	src := v.Src
	i := offset
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != ';' {
		return ""
	}
	j := sort.Search(len(p.comments), func(j int) bool { return v.Start(p.comments[j]) > i })
	if j == len(p.comments) {
		return ""
	}
	c := p.comments[j]
	text := v.Text(c)
	if !strings.HasPrefix(text, "#") || !blankBetween(src, i+1, v.Start(c)) || strings.Contains(string(src[i:v.Start(c)]), "\n") {
		return ""
	}
	return strings.TrimSpace(strings.TrimPrefix(text, "#"))
}

func blankBetween(src []byte, from, to int) bool {
	if from > to {
		return false
	}
	for _, c := range src[from:to] {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// startsLine reports whether only blanks precede offset on its line.
func startsLine(src []byte, offset int) bool {
	for i := offset - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// blockDoc is the text of a `/** */` or `/* */` comment: the markers
// stripped, then the common indentation of its lines (the first line's
// text, after the marker, does not count), then leading `*` columns of
// old-style comments, then blank lines at either end.
func blockDoc(text string) string {
	text = strings.TrimPrefix(text, "/*")
	text = strings.TrimPrefix(text, "*")
	text = strings.TrimSuffix(text, "*/")
	lines := strings.Split(text, "\n")
	// ` * ` columns, when every line after the first has one.
	starred := len(lines) > 1
	for _, l := range lines[1:] {
		t := strings.TrimLeft(l, " \t")
		if t != "" && !strings.HasPrefix(t, "*") {
			starred = false
			break
		}
	}
	if starred {
		for i, l := range lines[1:] {
			t := strings.TrimLeft(l, " \t")
			t = strings.TrimPrefix(t, "*")
			lines[i+1] = t
		}
	}
	return trimLines(lines)
}

// trimLines strips the first line's leading blanks, the other lines'
// common indentation and every line's trailing blanks, then the blank
// lines at either end, and joins them.
func trimLines(lines []string) string {
	indent := -1
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		lines[i] = l
		if i == 0 || l == "" {
			continue
		}
		d := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || d < indent {
			indent = d
		}
	}
	if len(lines) > 0 {
		if len(lines) == 1 || indent < 0 {
			lines[0] = strings.TrimLeft(lines[0], " \t")
		} else {
			// A `#` comment run: the first line is indented like the rest.
			lines[0] = strings.TrimLeft(lines[0], " \t")
		}
	}
	for i := 1; i < len(lines); i++ {
		if len(lines[i]) >= indent && indent > 0 {
			lines[i] = lines[i][indent:]
		}
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// docType is the signature a doc comment gives in its `# Type` section
// (code fences stripped, lines joined by newlines), or on an old-style
// `Type: ...` line.
func docType(doc string) string {
	lines := strings.Split(doc, "\n")
	fence := false
	in := false
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if !fence && strings.HasPrefix(t, "#") {
			heading := strings.TrimSpace(strings.TrimLeft(t, "#"))
			if in {
				break
			}
			// `# Type {#anchor}` too.
			if i := strings.Index(heading, " {#"); i >= 0 {
				heading = strings.TrimSpace(heading[:i])
			}
			in = strings.EqualFold(heading, "Type")
			continue
		}
		if in {
			if t != "" {
				out = append(out, t)
			}
			continue
		}
		if !fence && strings.HasPrefix(t, "Type:") && len(out) == 0 {
			if s := strings.TrimSpace(strings.TrimPrefix(t, "Type:")); s != "" {
				return s
			}
		}
	}
	return strings.Join(out, "\n")
}

// lambdaArgs lists a lambda chain's parameters: a name for `x:`, the
// formals as written in one piece for `{ x, y ? 1, ... }:` ("{ x, y, ... }",
// with `name@` kept).
func lambdaArgs(v *syntax.View, n syntax.NodeID) []string {
	var args []string
	for n = unparen(v, n); v.Kind(n) == "lambda"; n = unparen(v, v.Child(n, "body")) {
		param := v.Child(n, "parameter")
		formals := v.Child(n, "formals")
		if formals == none {
			args = append(args, v.Text(param))
			continue
		}
		var names []string
		for c := v.FirstChild(formals); c != none; c = v.Next(c) {
			switch v.Kind(c) {
			case "formal":
				names = append(names, v.Text(v.Child(c, "name")))
			case "ellipsis":
				names = append(names, "...")
			}
		}
		s := "{ }"
		if len(names) > 0 {
			s = "{ " + strings.Join(names, ", ") + " }"
		}
		if param != none {
			if v.Start(param) < v.Start(formals) {
				s = v.Text(param) + "@" + s
			} else {
				s += "@" + v.Text(param)
			}
		}
		args = append(args, s)
		if len(args) > 16 {
			break
		}
	}
	return args
}
