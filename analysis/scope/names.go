package scope

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/syntax"
)

// keyStatus classifies an attribute name as Nix's parser does.
type keyStatus uint8

const (
	// keyStatic: a plain name, a string without interpolation, or ${ e }
	// where e is such a string: Nix knows the name while parsing.
	keyStatic keyStatus = iota
	// keyDynamic: decided at evaluation ("${x}", ${x}, "a${b}").
	keyDynamic
	// keyUnknown: static for Nix, but its text is not worked out here (an
	// indented string with escapes, an error node): it never clashes.
	keyUnknown
)

// name interns the text of a node: names repeat a lot, and the map lookup
// with a []byte key does not allocate.
func (a *analyzer) name(n NodeID) string {
	return a.internBytes(a.src[a.nodes[n].Start:a.nodes[n].End])
}

func (a *analyzer) internBytes(b []byte) string {
	if s, ok := a.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	a.intern[s] = s
	return s
}

// keyName returns the name an attribute-path component or inherited name
// stands for.
func (a *analyzer) keyName(n NodeID) (string, keyStatus) {
	if a.missing(n) {
		return "", keyUnknown
	}
	switch a.kind(n) {
	case kAttribute:
		return a.name(n), keyStatic
	case kString:
		return a.stringValue(n)
	case kInterpolation:
		e := a.unparen(a.child(n, fExpression))
		if e == syntax.NoNode {
			return "", keyUnknown
		}
		switch a.kind(e) {
		case kString:
			return a.stringValue(e)
		case kIndentedString:
			return a.indentedValue(e)
		}
		return "", keyDynamic
	}
	return "", keyUnknown
}

// stringValue is the value of a "..." string without interpolation.
func (a *analyzer) stringValue(n NodeID) (string, keyStatus) {
	var b strings.Builder
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		switch a.kind(c) {
		case kInterpolation:
			return "", keyDynamic
		case kStringFragment:
			b.Write(a.src[a.start(c):a.end(c)])
		case kEscape:
			text := a.src[a.start(c):a.end(c)]
			if len(text) < 2 {
				return "", keyUnknown
			}
			switch text[1] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				b.Write(text[1:])
			}
		case kError:
			return "", keyUnknown
		}
	}
	return a.internBytes([]byte(b.String())), keyStatic
}

// indentedValue is the value of an indented string without interpolation:
// the opening line break is dropped, the common indentation of the lines
// with text removed, and a last line of only spaces dropped, as Nix's
// stripIndentation does. Strings with escapes are left unknown.
func (a *analyzer) indentedValue(n NodeID) (string, keyStatus) {
	for c := a.first(n); c != syntax.NoNode; c = a.next(c) {
		switch a.kind(c) {
		case kInterpolation:
			return "", keyDynamic
		case kEscape, kError:
			return "", keyUnknown
		}
	}
	s, e := a.start(n), a.end(n)
	if e-s < 4 {
		return "", keyUnknown
	}
	text := string(a.src[s+2 : e-2])
	// Nix's lexer takes spaces and a newline right after '' as part of
	// the opening token.
	if i := strings.IndexByte(text, '\n'); i >= 0 && strings.Trim(text[:i], " ") == "" {
		text = text[i+1:]
	}
	lines := strings.Split(text, "\n")
	indent := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" {
			continue
		}
		if d := len(l) - len(t); indent < 0 || d < indent {
			indent = d
		}
	}
	if indent < 0 {
		indent = 0
	}
	for i, l := range lines {
		if len(l) >= indent {
			lines[i] = l[indent:]
		} else {
			lines[i] = strings.TrimLeft(l, " ")
		}
	}
	if last := len(lines) - 1; last > 0 && strings.Trim(lines[last], " ") == "" {
		lines[last] = ""
	}
	return a.internBytes([]byte(strings.Join(lines, "\n"))), keyStatic
}

// pathText renders an attribute path for messages: a.b."c d".${...}.
func (a *analyzer) pathText(comps []NodeID) string {
	var b strings.Builder
	for i, c := range comps {
		if i > 0 {
			b.WriteByte('.')
		}
		name, st := a.keyName(c)
		switch {
		case st == keyStatic && syntax.PlainName(name):
			b.WriteString(name)
		case st == keyStatic:
			b.WriteString(quote(name))
		default:
			b.Write(a.src[a.start(c):a.end(c)])
		}
	}
	return b.String()
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`, "${", `\${`)
	return `"` + r.Replace(s) + `"`
}
