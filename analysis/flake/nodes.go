package flake

import (
	"bytes"
	"hash/maphash"
	"strings"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// content reports a named node that is not a comment: comments are named
// children too, and are never what the analysis looks for.
func content(v *syntax.View, n syntax.NodeID) bool {
	return v.Nodes[n].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed
}

// none is an absent node.
const none = syntax.NoNode

// Field ids, looked up once: the analysis asks for fields in its inner
// loops, and View.Child looks a name up in a map.
var (
	fieldArgument   = grammar.FieldID(grammar.FieldArgument)
	fieldAttribute  = grammar.FieldID(grammar.FieldAttribute)
	fieldAttrpath   = grammar.FieldID(grammar.FieldAttrpath)
	fieldBody       = grammar.FieldID(grammar.FieldBody)
	fieldDefault    = grammar.FieldID(grammar.FieldDefault)
	fieldExpression = grammar.FieldID(grammar.FieldExpression)
	fieldFormals    = grammar.FieldID(grammar.FieldFormals)
	fieldFunction   = grammar.FieldID(grammar.FieldFunction)
	fieldLeft       = grammar.FieldID(grammar.FieldLeft)
	fieldName       = grammar.FieldID(grammar.FieldName)
	fieldOperator   = grammar.FieldID(grammar.FieldOperator)
	fieldParameter  = grammar.FieldID(grammar.FieldParameter)
	fieldRight      = grammar.FieldID(grammar.FieldRight)
	fieldSource     = grammar.FieldID(grammar.FieldSource)
	fieldValue      = grammar.FieldID(grammar.FieldValue)
)

// attr is one attribute of a statically known attribute set, with nested
// attribute paths and attribute-set literals merged as Nix merges them.
type attr struct {
	name     string
	key      syntax.NodeID // where it is first named
	value    syntax.NodeID // the value when given as a whole (none for `a.b = ...` only)
	children *attrSet      // nested attributes (from `a.b = ...` or `a = { ... }`)
}

type attrSet struct {
	list []*attr // in the order they are first named
	// slots index list by name once the set is too large to scan: open
	// addressing, a power of two long, holding list indexes + 1 (0 is
	// free). Cheaper to build than a map, which outputs with many
	// packages would build twice per analysis.
	slots   []int32
	dynamic []syntax.NodeID // `${...}` keys
	slab    []attr          // storage for list, allocated a chunk at a time
}

// indexFrom is the size from which an attribute set is indexed: most sets
// are small, and scanning them is faster than hashing.
const indexFrom = 16

var nameSeed = maphash.MakeSeed()

func newAttrSet() *attrSet { return &attrSet{} }

func (s *attrSet) get(name string) *attr {
	if s == nil {
		return nil
	}
	if s.slots == nil {
		for _, a := range s.list {
			if a.name == name {
				return a
			}
		}
		return nil
	}
	mask := len(s.slots) - 1
	for i := int(maphash.String(nameSeed, name)) & mask; ; i = (i + 1) & mask {
		j := s.slots[i]
		if j == 0 {
			return nil
		}
		if a := s.list[j-1]; a.name == name {
			return a
		}
	}
}

// index rebuilds slots with room for n attributes.
func (s *attrSet) index(n int) {
	size := 2 * indexFrom
	for size < 2*n {
		size *= 2
	}
	s.slots = make([]int32, size)
	for i, a := range s.list {
		s.insert(a.name, i)
	}
}

func (s *attrSet) insert(name string, i int) {
	mask := len(s.slots) - 1
	for h := int(maphash.String(nameSeed, name)) & mask; ; h = (h + 1) & mask {
		if s.slots[h] == 0 {
			s.slots[h] = int32(i + 1)
			return
		}
	}
}

// reserve makes room for n more attributes, so that a large set is not
// built by repeated growth.
func (s *attrSet) reserve(n int) {
	if n <= cap(s.slab)-len(s.slab) {
		return
	}
	s.slab = make([]attr, 0, n)
	s.list = append(make([]*attr, 0, len(s.list)+n), s.list...)
	if total := len(s.list) + n; total > indexFrom && 2*total > len(s.slots) {
		s.index(total)
	}
}

func (s *attrSet) add(name string, key syntax.NodeID) *attr {
	if a := s.get(name); a != nil {
		return a
	}
	if len(s.slab) == cap(s.slab) {
		// A new chunk: the attributes in the old one keep their addresses.
		s.slab = make([]attr, 0, max(4, 2*cap(s.slab)))
	}
	s.slab = append(s.slab, attr{name: name, key: key, value: none})
	a := &s.slab[len(s.slab)-1]
	s.list = append(s.list, a)
	switch n := len(s.list); {
	case s.slots != nil && 2*n <= len(s.slots):
		s.insert(name, n-1)
	case n > indexFrom:
		s.index(2 * n)
	}
	return a
}

// namedKids appends the named children of n, comments included (as
// tree-sitter's NamedChild counts them: a comment inside an attribute path
// is one of its parts).
func namedKids(v *syntax.View, n syntax.NodeID, out []syntax.NodeID) []syntax.NodeID {
	for c := v.FirstChild(n); c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed {
			out = append(out, c)
		}
	}
	return out
}

// firstNamed is the first named child of n (a comment counts), and
// whether it is the only one.
func firstNamed(v *syntax.View, n syntax.NodeID) (first syntax.NodeID, count int) {
	first = none
	for c := v.FirstChild(n); c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed {
			if count == 0 {
				first = c
			}
			count++
		}
	}
	return first, count
}

// textIs reports whether n's text is s, without making a string of it.
func textIs(v *syntax.View, n syntax.NodeID, s string) bool {
	return string(v.Src[v.Nodes[n].Start:v.Nodes[n].End]) == s
}

// collectBindings reads the bindings of an attrset node into s.
func collectBindings(v *syntax.View, s *attrSet, set syntax.NodeID) {
	if len(s.list) == 0 {
		bindings := 0
		for c := v.FirstChild(set); c != none; c = v.Nodes[c].Next {
			if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed {
				bindings++
			}
		}
		s.reserve(bindings)
	}
	for c := v.FirstChild(set); c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) != grammar.FlagNamed {
			continue
		}
		switch v.Kind(c) {
		case grammar.KindBinding:
			path, value := none, none
			for k := v.FirstChild(c); k != none; k = v.Nodes[k].Next {
				if v.Nodes[k].Flags&(grammar.FlagNamed|grammar.FlagExtra) != grammar.FlagNamed {
					continue
				}
				switch v.Nodes[k].Field {
				case fieldAttrpath:
					path = k
				case fieldValue:
					value = k
				}
			}
			if path == none {
				continue
			}
			target := s
			var last *attr
			for part := v.FirstChild(path); part != none; part = v.Nodes[part].Next {
				if v.Nodes[part].Flags&(grammar.FlagNamed|grammar.FlagExtra) != grammar.FlagNamed {
					continue
				}
				name, ok := staticName(v, part)
				if !ok {
					target.dynamic = append(target.dynamic, part)
					last = nil
					break
				}
				last = target.add(name, part)
				if nextNamed(v, part) != none {
					if last.children == nil {
						last.children = newAttrSet()
					}
					target = last.children
				}
			}
			if last == nil || value == none {
				continue
			}
			if v.Kind(value) == grammar.KindAttrset {
				if last.children == nil {
					last.children = newAttrSet()
				}
				collectBindings(v, last.children, value)
				if last.value == none {
					last.value = value
				}
			} else {
				last.value = value
			}
		case grammar.KindInherit:
			for part := v.FirstChild(c); part != none; part = v.Nodes[part].Next {
				if v.Nodes[part].Flags&(grammar.FlagNamed|grammar.FlagExtra) != grammar.FlagNamed || v.Nodes[part].Field != fieldAttribute {
					continue
				}
				if name, ok := staticName(v, part); ok {
					a := s.add(name, part)
					a.value = c // computed: never a literal
				}
			}
		}
	}
}

// nextNamed is the next named sibling of n (a comment counts).
func nextNamed(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for c := v.Nodes[n].Next; c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed {
			return c
		}
	}
	return none
}

// staticName is the name of an attrpath part when it is known without
// evaluation: a plain name, a string without interpolation, or `${"lit"}`.
func staticName(v *syntax.View, part syntax.NodeID) (string, bool) {
	switch v.Kind(part) {
	case grammar.KindAttribute:
		return v.Text(part), true
	case grammar.KindString:
		s, ok := stringText(v, part)
		return s, ok
	case grammar.KindInterpolation:
		if e := v.ChildByField(part, fieldExpression); e != none && v.Kind(e) == grammar.KindString {
			s, ok := stringText(v, e)
			return s, ok
		}
	}
	return "", false
}

// stringText is the value of a string that Nix reads as a constant (not a
// thunk): a "..." string without interpolation, an indented string that
// Nix's lexer reads as one piece (see indentedValue), or a URL literal.
func stringText(v *syntax.View, n syntax.NodeID) (string, bool) {
	if n == none {
		return "", false
	}
	switch v.Kind(n) {
	case grammar.KindString:
	case grammar.KindUri:
		return v.Text(n), true
	case grammar.KindIndentedString:
		s, _, ok := indentedValue(v, n)
		return s, ok
	default:
		return "", false
	}
	// A string of one fragment (most are) is a slice of the source.
	if c, count := firstNamed(v, n); count == 0 {
		return "", true
	} else if count == 1 && v.Kind(c) == grammar.KindStringFragment {
		return v.Text(c), true
	}
	s, _, ok := quotedValue(v, n)
	return s, ok
}

// stringValue is the value of a constant string (as stringText), and for
// each byte of the value (and one past the end) its offset in src.
func stringValue(v *syntax.View, n syntax.NodeID) (string, []int, bool) {
	if n == none {
		return "", nil, false
	}
	switch v.Kind(n) {
	case grammar.KindString:
		return quotedValue(v, n)
	case grammar.KindIndentedString:
		return indentedValue(v, n)
	case grammar.KindUri:
		start, end := v.Start(n), v.End(n)
		offsets := make([]int, 0, end-start+1)
		for o := start; o <= end; o++ {
			offsets = append(offsets, o)
		}
		return v.Text(n), offsets, true
	}
	return "", nil, false
}

// quotedValue is the value of a "..." string without interpolation, with
// the offsets of its bytes.
func quotedValue(v *syntax.View, n syntax.NodeID) (string, []int, bool) {
	var b strings.Builder
	var offsets []int
	src := v.Src
	for c := v.FirstChild(n); c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) != grammar.FlagNamed {
			continue
		}
		start, end := int(v.Nodes[c].Start), int(v.Nodes[c].End)
		switch v.Kind(c) {
		case grammar.KindStringFragment:
			for o := start; o < end; o++ {
				b.WriteByte(src[o])
				offsets = append(offsets, o)
			}
		case grammar.KindEscapeSequence:
			r := string(src[start+1 : end])
			switch r {
			case "n":
				r = "\n"
			case "t":
				r = "\t"
			case "r":
				r = "\r"
			}
			for k := 0; k < len(r); k++ {
				b.WriteByte(r[k])
				offsets = append(offsets, start)
			}
		default: // interpolation
			return "", nil, false
		}
	}
	offsets = append(offsets, v.End(n)-1)
	return b.String(), offsets, true
}

// indentedValue is the value of an indented string that Nix reads as a
// constant, with the offsets of its bytes. Nix's lexer cuts an indented
// string into pieces at every interpolation, at every escape that starts
// with two single quotes, and at a lone $ or quote before the closing
// quotes. A string of one piece (or none) becomes a plain string constant
// once its indentation is stripped; one of several pieces becomes a
// concatenation, which is a thunk where flake.nix must hold a literal
// (Nix: expected a string but got a thunk). ok is false for those.
func indentedValue(v *syntax.View, n syntax.NodeID) (string, []int, bool) {
	for c := v.FirstChild(n); c != none; c = v.Nodes[c].Next {
		if v.Nodes[c].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed && v.Kind(c) != grammar.KindStringFragment {
			return "", nil, false // an interpolation, an escape, an error
		}
	}
	src := v.Src
	start, end := v.Start(n), v.End(n)
	if end-start < 4 || src[start] != '\'' || src[start+1] != '\'' || src[end-1] != '\'' || src[end-2] != '\'' {
		return "", nil, false
	}
	// The opening token takes the spaces and the line break after it.
	body := start + 2
	j := body
	for j < end-2 && src[j] == ' ' {
		j++
	}
	if j < end-2 && src[j] == '\n' {
		body = j + 1
	}
	text := src[body : end-2]
	if indentedPieces(text) > 1 {
		return "", nil, false
	}
	// Nix's stripIndentation: the least indentation of the lines with
	// text is removed from every line, and a last line of only spaces is
	// dropped.
	minIndent, cur, atStart := -1, 0, true
	for _, c := range text {
		switch {
		case atStart && c == ' ':
			cur++
		case atStart && c == '\n':
			cur = 0
		case atStart:
			atStart = false
			if minIndent < 0 || cur < minIndent {
				minIndent = cur
			}
		case c == '\n':
			atStart, cur = true, 0
		}
	}
	var b []byte
	var offsets []int
	dropped := 0
	atStart = true
	for i, c := range text {
		o := body + i
		switch {
		case atStart && c == ' ':
			if minIndent >= 0 && dropped >= minIndent {
				b, offsets = append(b, c), append(offsets, o)
			}
			dropped++
		case atStart && c == '\n':
			dropped = 0
			b, offsets = append(b, c), append(offsets, o)
		case atStart:
			atStart, dropped = false, 0
			b, offsets = append(b, c), append(offsets, o)
		default:
			b, offsets = append(b, c), append(offsets, o)
			if c == '\n' {
				atStart = true
			}
		}
	}
	if p := bytes.LastIndexByte(b, '\n'); p >= 0 && len(bytes.Trim(b[p+1:], " ")) == 0 {
		b, offsets = b[:p+1], offsets[:p+1]
	}
	offsets = append(offsets, end-2)
	return string(b), offsets, true
}

// indentedPieces counts the pieces Nix's lexer makes of the text of an
// indented string without interpolations and escapes: runs of
// characters, in which a $ not followed by { or a quote, and a quote not
// followed by a quote or $, continue the run; a $ or quote that cannot
// continue it (the last character, or one before a quote) is a piece of
// its own.
func indentedPieces(text []byte) int {
	pieces, run := 0, false
	for i := 0; i < len(text); {
		c := text[i]
		lone := (c == '$' || c == '\'') && (i+1 == len(text) || text[i+1] == '\'' || (c == '\'' && text[i+1] == '$'))
		switch {
		case lone:
			pieces++
			run = false
			i++
		case c == '$' || c == '\'':
			if !run {
				pieces++
				run = true
			}
			i += 2
		default:
			if !run {
				pieces++
				run = true
			}
			i++
		}
	}
	return pieces
}

// unwrap removes parentheses.
func unwrap(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != none && v.Kind(n) == grammar.KindParenthesized {
		n = v.ChildByField(n, fieldExpression)
	}
	return n
}
