package flake

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// attr is one attribute of a statically known attribute set, with nested
// attribute paths and attribute-set literals merged as Nix merges them.
type attr struct {
	name     string
	key      *sitter.Node // where it is first named
	value    *sitter.Node // the value when given as a whole (nil for `a.b = ...` only)
	children *attrSet     // nested attributes (from `a.b = ...` or `a = { ... }`)
}

type attrSet struct {
	names   []string
	attrs   map[string]*attr
	dynamic []*sitter.Node // `${...}` keys
}

func newAttrSet() *attrSet { return &attrSet{attrs: map[string]*attr{}} }

func (s *attrSet) get(name string) *attr {
	if s == nil {
		return nil
	}
	return s.attrs[name]
}

func (s *attrSet) add(name string, key *sitter.Node) *attr {
	if a := s.attrs[name]; a != nil {
		return a
	}
	a := &attr{name: name, key: key}
	s.attrs[name] = a
	s.names = append(s.names, name)
	return a
}

// children returns the named children of n with their field names, in one
// pass of a cursor (NamedChild(i) walks from the first child every time).
func children(n *sitter.Node) (nodes []*sitter.Node, fields []string) {
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	if !c.GoToFirstChild() {
		return nil, nil
	}
	for {
		if cur := c.CurrentNode(); cur.IsNamed() {
			nodes = append(nodes, cur)
			fields = append(fields, c.CurrentFieldName())
		}
		if !c.GoToNextSibling() {
			return nodes, fields
		}
	}
}

// collectBindings reads the bindings of an attrset node into s.
func collectBindings(s *attrSet, set *sitter.Node, src []byte) {
	items, _ := children(set)
	for _, c := range items {
		switch c.Type() {
		case grammar.KindBinding:
			kids, fields := children(c)
			var path, value *sitter.Node
			for i, k := range kids {
				switch fields[i] {
				case grammar.FieldAttrpath:
					path = k
				case grammar.FieldValue:
					value = k
				}
			}
			if path == nil {
				continue
			}
			parts, _ := children(path)
			target := s
			var last *attr
			for j, part := range parts {
				name, ok := staticName(part, src)
				if !ok {
					target.dynamic = append(target.dynamic, part)
					last = nil
					break
				}
				last = target.add(name, part)
				if j < len(parts)-1 {
					if last.children == nil {
						last.children = newAttrSet()
					}
					target = last.children
				}
			}
			if last == nil || value == nil {
				continue
			}
			if value.Type() == grammar.KindAttrset {
				if last.children == nil {
					last.children = newAttrSet()
				}
				collectBindings(last.children, value, src)
				if last.value == nil {
					last.value = value
				}
			} else {
				last.value = value
			}
		case grammar.KindInherit:
			kids, fields := children(c)
			for i, part := range kids {
				if fields[i] != grammar.FieldAttribute {
					continue
				}
				if name, ok := staticName(part, src); ok {
					a := s.add(name, part)
					a.value = c // computed: never a literal
				}
			}
		}
	}
}

// staticName is the name of an attrpath part when it is known without
// evaluation: a plain name, a string without interpolation, or `${"lit"}`.
func staticName(part *sitter.Node, src []byte) (string, bool) {
	switch part.Type() {
	case grammar.KindAttribute:
		return part.Content(src), true
	case grammar.KindString:
		v, _, ok := stringValue(part, src)
		return v, ok
	case grammar.KindInterpolation:
		if e := part.ChildByFieldName(grammar.FieldExpression); e != nil && e.Type() == grammar.KindString {
			v, _, ok := stringValue(e, src)
			return v, ok
		}
	}
	return "", false
}

// stringValue is the value of a "..." string without interpolation, and
// for each byte of the value (and one past the end) its offset in src.
func stringValue(n *sitter.Node, src []byte) (string, []int, bool) {
	if n == nil || n.Type() != grammar.KindString {
		return "", nil, false
	}
	var b strings.Builder
	var offsets []int
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch c.Type() {
		case grammar.KindStringFragment:
			for o := c.StartByte(); o < c.EndByte(); o++ {
				b.WriteByte(src[o])
				offsets = append(offsets, int(o))
			}
		case grammar.KindEscapeSequence:
			text := c.Content(src)
			r := text[1:]
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
				offsets = append(offsets, int(c.StartByte()))
			}
		default: // interpolation
			return "", nil, false
		}
	}
	offsets = append(offsets, int(n.EndByte())-1)
	return b.String(), offsets, true
}

// unwrap removes parentheses.
func unwrap(n *sitter.Node) *sitter.Node {
	for n != nil && n.Type() == grammar.KindParenthesized {
		n = n.ChildByFieldName(grammar.FieldExpression)
	}
	return n
}
