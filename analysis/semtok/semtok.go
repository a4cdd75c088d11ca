// Package semtok classifies the text of a Nix file for highlighting: each
// keyword, string piece, number, path, comment, operator and name gets a
// token type and modifiers, from the syntax tree (a syntax.View) and what
// the scope analysis and the flake model know about names. It is
// editor-neutral: tokens are byte ranges; the language server encodes them
// as LSP semantic tokens.
//
// Tokens never overlap, are in source order and never span a line break:
// a multi-line string or comment is cut at each line end (continuation
// lines start at their first non-blank character), as LSP clients without
// multilineTokenSupport require.
package semtok

import (
	"bytes"

	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Type is what a token is.
type Type uint8

// The token types. Escape, Interpolation, Path and URI are not among
// LSP's predefined types; clients that do not know them leave the text to
// their own highlighting.
const (
	Keyword Type = iota
	String
	Escape        // an escape sequence in a string: \n, ''$, '''
	Interpolation // the ${ and } around an interpolated expression
	Number
	Path // ./a.nix, <nixpkgs>
	URI  // an unquoted URL literal
	Comment
	Operator
	Variable
	Parameter // formals and lambda parameters
	Property  // attribute names
	Function  // builtins that are functions, applied names
	Namespace // flake inputs
	numTypes
)

// TypeNames are the names of the types, indexed by Type: LSP's names
// where LSP has one.
var TypeNames = [numTypes]string{
	Keyword: "keyword", String: "string", Escape: "escapeSequence", Interpolation: "interpolation",
	Number: "number", Path: "path", URI: "uri", Comment: "comment", Operator: "operator",
	Variable: "variable", Parameter: "parameter", Property: "property", Function: "function",
	Namespace: "namespace",
}

func (t Type) String() string {
	if t < numTypes {
		return TypeNames[t]
	}
	return "?"
}

// Modifiers qualify a token, a bit set.
type Modifiers uint8

const (
	// Declaration: the name is defined here (a binding's name, a formal,
	// a parameter, an input's name in `inputs`).
	Declaration Modifiers = 1 << iota
	// Readonly: a builtin constant (true, null, builtins, ...).
	Readonly
	// DefaultLibrary: a builtin.
	DefaultLibrary
	// Deprecated: a deprecated flake output (defaultPackage, ...) and URL
	// literals (Nix's no-url-literals).
	Deprecated
)

// ModifierNames are the names of the modifier bits, lowest bit first.
var ModifierNames = []string{"declaration", "readonly", "defaultLibrary", "deprecated"}

// Token is one classified span of the source, [Start, End) in bytes.
type Token struct {
	Start, End int
	Type       Type
	Mods       Modifiers
}

// Tokens classifies the unit's text. The scope analysis and the flake
// model are used when the unit has them (nil Scope: every name is a
// variable or property by its place in the tree).
func Tokens(u *unit.Unit) []Token {
	if u == nil || u.View == nil || u.View.Root() == syntax.NoNode {
		return nil
	}
	w := &walker{v: u.View, nodes: u.View.Nodes, src: u.View.Src, special: map[syntax.NodeID]Token{}}
	if u.Scope != nil {
		w.refs = u.Scope.Refs
	}
	w.out = make([]Token, 0, len(w.nodes)/3+16)
	w.flakeNames(u)
	w.walk(w.v.Root())
	w.flush()
	return sameText(w.out, u.Src, w.src)
}

// sameText keeps the tokens whose text is the same in src, the document,
// and in read, the text the analyses read. They differ where a syntax
// error was repaired in place (package check analyses such a file on the
// repaired text, at the same offsets): a token of the repair is not in
// the document.
func sameText(toks []Token, src, read []byte) []Token {
	if len(src) == 0 || len(read) == 0 || &src[0] == &read[0] && len(src) == len(read) {
		return toks
	}
	out := toks[:0]
	for _, tok := range toks {
		if tok.End <= len(src) && bytes.Equal(src[tok.Start:tok.End], read[tok.Start:tok.End]) {
			out = append(out, tok)
		}
	}
	return out
}

type walker struct {
	v       *syntax.View
	nodes   []grammar.FlatNode
	src     []byte
	refs    []scope.Ref
	ri      int                     // refs before this one start before the walk
	special map[syntax.NodeID]Token // names classified ahead (inputs, outputs)
	inputs  map[*scope.Binding]bool // the outputs function's formals naming inputs
	inputAt map[string]bool         // declared input names
	atName  *scope.Binding          // the outputs function's @ name or parameter
	out     []Token
	pend    Token
	hasPend bool
}

// Node kinds the walk tells apart, by symbol.
type kind uint8

const (
	kOther kind = iota
	kIdentifier
	kAttribute
	kString
	kIndented
	kFragment
	kEscape
	kInterpolation
	kInteger
	kFloat
	kPath
	kSearchPath
	kURI
	kComment
	kBinary
	kUnary
	kHasAttr
	kSelect
	kApply
	kAttrpath
	kBinding
	kInherit
	kFormal
	kLambda
	kEllipsis
	kError
)

var kindOfSymbol = func() []kind {
	names := map[string]kind{
		grammar.KindIdentifier: kIdentifier, grammar.KindAttribute: kAttribute, grammar.KindString: kString,
		grammar.KindIndentedString: kIndented, grammar.KindStringFragment: kFragment, grammar.KindEscapeSequence: kEscape,
		grammar.KindInterpolation: kInterpolation, grammar.KindInteger: kInteger, grammar.KindFloat: kFloat,
		grammar.KindPath: kPath, grammar.KindSearchPath: kSearchPath, grammar.KindUri: kURI, grammar.KindComment: kComment,
		grammar.KindBinary: kBinary, grammar.KindUnary: kUnary, grammar.KindHasAttr: kHasAttr, grammar.KindSelect: kSelect,
		grammar.KindApply: kApply, grammar.KindAttrpath: kAttrpath, grammar.KindBinding: kBinding,
		grammar.KindInherit: kInherit, grammar.KindFormal: kFormal, grammar.KindLambda: kLambda,
		grammar.KindEllipsis: kEllipsis, grammar.KindError: kError,
	}
	var table []kind
	for sym := 0; sym < 0xffff; sym++ {
		name := grammar.SymbolName(uint16(sym))
		if name == "" && sym > 0 {
			break
		}
		table = append(table, names[name])
	}
	return table
}()

// keywords are the anonymous tokens that are keywords.
var keywords = func() []bool {
	table := make([]bool, len(kindOfSymbol))
	for sym := range table {
		switch grammar.SymbolName(uint16(sym)) {
		case "let", "in", "rec", "with", "inherit", "if", "then", "else", "assert", "or":
			table[sym] = true
		}
	}
	return table
}()

var (
	fFunction   = grammar.FieldID(grammar.FieldFunction)
	fExpression = grammar.FieldID(grammar.FieldExpression)
	fAttrpath   = grammar.FieldID(grammar.FieldAttrpath)
	fValue      = grammar.FieldID(grammar.FieldValue)
	fOperator   = grammar.FieldID(grammar.FieldOperator)
)

func (w *walker) kind(n syntax.NodeID) kind {
	fn := &w.nodes[n]
	if fn.Symbol == 0xffff {
		return kError
	}
	if int(fn.Symbol) < len(kindOfSymbol) {
		return kindOfSymbol[fn.Symbol]
	}
	return kOther
}

func (w *walker) named(n syntax.NodeID) bool { return w.nodes[n].Flags&grammar.FlagNamed != 0 }

func (w *walker) first(n syntax.NodeID) syntax.NodeID {
	if c := n + 1; int(c) < len(w.nodes) && w.nodes[c].Parent == n {
		return c
	}
	return syntax.NoNode
}

func (w *walker) parent(n syntax.NodeID) syntax.NodeID {
	if n == syntax.NoNode {
		return syntax.NoNode
	}
	return w.nodes[n].Parent
}

// walk visits the subtree of n in source order, emitting the tokens of
// its leaves (and of the text an interpolated path hides).
func (w *walker) walk(n syntax.NodeID) {
	fn := &w.nodes[n]
	if fn.Flags&grammar.FlagMissing != 0 {
		return
	}
	c := w.first(n)
	if c == syntax.NoNode {
		w.leaf(n)
		return
	}
	k := w.kind(n)
	if k == kPath {
		w.interpolatedPath(n)
		return
	}
	for ; c != syntax.NoNode; c = w.nodes[c].Next {
		w.walk(c)
	}
}

// leaf classifies a node without children.
func (w *walker) leaf(n syntax.NodeID) {
	fn := &w.nodes[n]
	start, end := int(fn.Start), int(fn.End)
	if start >= end {
		return
	}
	if fn.Flags&grammar.FlagNamed == 0 {
		w.anonymous(n, start, end)
		return
	}
	switch w.kind(n) {
	case kIdentifier:
		t, m := w.identifier(n)
		w.emit(start, end, t, m)
	case kAttribute:
		t, m := w.attribute(n)
		w.emit(start, end, t, m)
	case kFragment:
		w.emit(start, end, String, 0)
	case kEscape:
		w.emit(start, end, Escape, 0)
	case kInteger, kFloat:
		w.emit(start, end, Number, 0)
	case kPath, kSearchPath:
		w.emit(start, end, Path, 0)
	case kURI:
		w.emit(start, end, URI, Deprecated)
	case kComment:
		w.emit(start, end, Comment, 0)
	case kEllipsis:
		w.emit(start, end, Operator, 0)
	}
}

// anonymous classifies punctuation and keywords.
func (w *walker) anonymous(n syntax.NodeID, start, end int) {
	fn := &w.nodes[n]
	if int(fn.Symbol) < len(keywords) && keywords[fn.Symbol] {
		w.emit(start, end, Keyword, 0)
		return
	}
	p := fn.Parent
	if p == syntax.NoNode {
		return
	}
	switch w.kind(p) {
	case kString, kIndented:
		w.emit(start, end, String, 0) // the quotes
	case kInterpolation:
		w.emit(start, end, Interpolation, 0)
	case kBinary, kUnary:
		if fn.Field == fOperator {
			w.emit(start, end, Operator, 0)
		}
	case kHasAttr:
		if w.src[start] == '?' {
			w.emit(start, end, Operator, 0)
		}
	}
}

// interpolatedPath emits the text pieces of `./a/${b}.nix`, which the
// tree hides, around the walk of its interpolated expressions.
func (w *walker) interpolatedPath(n syntax.NodeID) {
	pos := int(w.nodes[n].Start)
	for c := w.first(n); c != syntax.NoNode; c = w.nodes[c].Next {
		if w.nodes[c].Flags&grammar.FlagExtra != 0 || w.nodes[c].Field != fExpression {
			w.walk(c)
			continue
		}
		w.pathText(pos, int(w.nodes[c].Start))
		w.walk(c)
		pos = int(w.nodes[c].End)
	}
	w.pathText(pos, int(w.nodes[n].End))
}

// pathText emits a piece of an interpolated path: a closing `}` at its
// start and an opening `${` at its end are interpolation delimiters.
func (w *walker) pathText(start, end int) {
	if start >= end {
		return
	}
	if w.src[start] == '}' {
		w.emit(start, start+1, Interpolation, 0)
		start++
	}
	open := end
	if end-start >= 2 && w.src[end-2] == '$' && w.src[end-1] == '{' {
		open = end - 2
	}
	// Spaces before the expression belong to no token.
	text := open
	for text > start && (w.src[text-1] == ' ' || w.src[text-1] == '\t' || w.src[text-1] == '\n' || w.src[text-1] == '\r') {
		text--
	}
	w.emit(start, text, Path, 0)
	if open < end {
		w.emit(open, end, Interpolation, 0)
	}
}

// refAt finds the reference the analysis made of the node n (none:
// ok false). Leaves are visited in source order, so a cursor suffices.
func (w *walker) refAt(n syntax.NodeID) (scope.Ref, bool) {
	start := int(w.nodes[n].Start)
	for w.ri < len(w.refs) && w.refs[w.ri].Start < start {
		w.ri++
	}
	var found scope.Ref
	ok := false
	for i := w.ri; i < len(w.refs) && w.refs[i].Start == start; i++ {
		r := w.refs[i]
		if r.Node != n || r.Implicit {
			continue
		}
		// A definition wins over the read of `inherit x;`.
		if !ok || r.Kind == scope.Write && found.Kind != scope.Write {
			found, ok = r, true
		}
	}
	return found, ok
}

// identifier classifies a variable, formal or parameter.
func (w *walker) identifier(n syntax.NodeID) (Type, Modifiers) {
	t, m := Variable, Modifiers(0)
	if r, ok := w.refAt(n); ok {
		if r.Kind == scope.Write {
			m |= Declaration
		}
		if b := r.Binding; b != nil {
			t, m = w.binding(b, t, m)
		}
	} else if p := w.parent(n); p != syntax.NoNode && (w.kind(p) == kFormal || w.kind(p) == kLambda) {
		t, m = Parameter, Declaration
	}
	if t != Namespace && w.applied(n) {
		t = Function
	}
	return t, m
}

// binding is how a name bound to b looks.
func (w *walker) binding(b *scope.Binding, t Type, m Modifiers) (Type, Modifiers) {
	switch b.Kind {
	case scope.KindBuiltin:
		m |= DefaultLibrary
		if b.Builtin != nil && b.Builtin.IsFunction() {
			return Function, m
		}
		return Variable, m | Readonly
	case scope.KindFormal, scope.KindParam, scope.KindAt:
		if w.inputs[b] {
			return Namespace, m
		}
		return Parameter, m
	case scope.KindLet:
		if w.isLambda(b.Value) {
			return Function, m
		}
		return Variable, m
	case scope.KindRecAttr:
		if w.isLambda(b.Value) {
			return Function, m
		}
		return Property, m
	}
	return t, m
}

func (w *walker) isLambda(n syntax.NodeID) bool {
	for n != syntax.NoNode && w.kind(n) == kOther && grammar.SymbolName(w.nodes[n].Symbol) == grammar.KindParenthesized {
		n = w.v.ChildByField(n, fExpression)
	}
	return n != syntax.NoNode && w.kind(n) == kLambda
}

// applied reports whether the expression ending in n (an identifier, or
// the last attribute of a selection) is the function of an application.
func (w *walker) applied(n syntax.NodeID) bool {
	e := n
	if w.kind(n) == kAttribute {
		ap := w.parent(n)
		if ap == syntax.NoNode || w.kind(ap) != kAttrpath || w.lastNamed(ap) != n {
			return false
		}
		e = w.parent(ap)
		if e == syntax.NoNode || w.kind(e) != kSelect || w.nodes[ap].Field != fAttrpath {
			return false
		}
		if w.v.ChildByField(e, grammar.FieldID(grammar.FieldDefault)) != syntax.NoNode {
			return false
		}
	}
	p := w.parent(e)
	return p != syntax.NoNode && w.kind(p) == kApply && w.nodes[e].Field == fFunction
}

func (w *walker) lastNamed(n syntax.NodeID) syntax.NodeID {
	last := syntax.NoNode
	for c := w.first(n); c != syntax.NoNode; c = w.nodes[c].Next {
		if w.named(c) && w.nodes[c].Flags&grammar.FlagExtra == 0 {
			last = c
		}
	}
	return last
}

// attribute classifies an attribute name: a property, unless the scope
// analysis binds it (let bindings, rec attributes, inherited names) or it
// names a flake input, a builtin, or a deprecated output.
func (w *walker) attribute(n syntax.NodeID) (Type, Modifiers) {
	if tok, ok := w.special[n]; ok {
		return tok.Type, tok.Mods
	}
	ap := w.parent(n)
	holder := w.parent(ap)
	if holder != syntax.NoNode && w.kind(holder) == kSelect && w.nodes[ap].Field == fAttrpath {
		return w.selected(n, ap, holder)
	}
	declaring := holder != syntax.NoNode && (w.kind(holder) == kBinding && w.nodes[ap].Field == fAttrpath && w.firstNamed(ap) == n ||
		w.kind(ap) == kInherit)
	if w.kind(ap) == kInherit {
		holder = ap
	}
	if r, ok := w.refAt(n); ok && r.Binding != nil && (r.Kind == scope.Write || !declaring) {
		m := Modifiers(0)
		if r.Kind == scope.Write {
			m = Declaration
		}
		t, m := w.binding(r.Binding, Variable, m)
		if t == Variable && r.Binding.Kind == scope.KindRecAttr {
			t = Property
		}
		return t, m
	}
	if declaring {
		if w.kind(holder) == kBinding && w.isLambda(w.v.ChildByField(holder, fValue)) && w.lastNamed(ap) == n {
			return Function, Declaration
		}
		if w.refs == nil && w.inLet(holder) {
			// No scope analysis (a large file): a let binds variables.
			return Variable, Declaration
		}
		return Property, Declaration
	}
	if w.kind(holder) == kBinding && w.nodes[ap].Field == fAttrpath {
		if w.isLambda(w.v.ChildByField(holder, fValue)) && w.lastNamed(ap) == n {
			return Function, Declaration
		}
		return Property, Declaration
	}
	return Property, 0
}

// inLet reports whether a binding or inherit is directly in a let.
func (w *walker) inLet(n syntax.NodeID) bool {
	p := w.parent(n)
	if p == syntax.NoNode {
		return false
	}
	k := grammar.SymbolName(w.nodes[p].Symbol)
	return k == grammar.KindLet || k == grammar.KindLegacyLet
}

func (w *walker) firstNamed(n syntax.NodeID) syntax.NodeID {
	for c := w.first(n); c != syntax.NoNode; c = w.nodes[c].Next {
		if w.named(c) && w.nodes[c].Flags&grammar.FlagExtra == 0 {
			return c
		}
	}
	return syntax.NoNode
}

// selected classifies an attribute of `e.a.b`: builtins' members, the
// inputs named through the outputs' @ name, and applied functions.
func (w *walker) selected(n, ap, sel syntax.NodeID) (Type, Modifiers) {
	if w.firstNamed(ap) == n {
		e := w.v.ChildByField(sel, fExpression)
		if e != syntax.NoNode && w.kind(e) == kIdentifier {
			if r, ok := w.refAt(e); ok && r.Binding != nil {
				switch {
				case r.Binding.Kind == scope.KindBuiltin && r.Binding.Name == "builtins":
					if b := builtins.Lookup(w.v.Text(n)); b != nil {
						if b.IsFunction() {
							return Function, DefaultLibrary
						}
						return Variable, DefaultLibrary | Readonly
					}
				case r.Binding == w.atName && w.inputAt[w.v.Text(n)]:
					return Namespace, 0
				}
			}
		}
	}
	if w.applied(n) {
		return Function, 0
	}
	return Property, 0
}

// flakeNames finds the names a flake gives special meaning: the inputs
// declared under `inputs` (namespaces), the outputs function's formals
// that name them, and deprecated outputs.
func (w *walker) flakeNames(u *unit.Unit) {
	if !u.IsFlake() {
		return
	}
	fl := u.Flake
	w.inputAt = map[string]bool{}
	for name := range fl.Inputs {
		w.inputAt[name] = true
	}
	w.inputAt["self"] = true
	w.inputs = map[*scope.Binding]bool{}
	if fl.Outputs != syntax.NoNode && u.Scope != nil {
		for name, node := range fl.Formals {
			if !w.inputAt[name] {
				continue
			}
			for _, r := range u.Scope.RefsAt(w.v.Start(node)) {
				if r.Node == node && r.Binding != nil {
					w.inputs[r.Binding] = true
				}
			}
		}
		if p := w.v.Child(fl.Outputs, grammar.FieldParameter); p != syntax.NoNode {
			for _, r := range u.Scope.RefsAt(w.v.Start(p)) {
				if r.Node == p && r.Binding != nil {
					w.atName = r.Binding
				}
			}
		}
	}
	if top := u.TopSet(); top != syntax.NoNode {
		w.inputsIn(top, true)
	}
	for _, e := range u.OutputEntries(1) {
		if out, ok := schema.OutputByName(e.Path[0]); ok && out.Deprecated != "" && w.kind(e.Key.Node) == kAttribute {
			w.special[e.Key.Node] = Token{Type: Property, Mods: Declaration | Deprecated}
		}
	}
}

// inputsIn marks the input names in a set: at the top of the flake the
// paths starting with `inputs`, inside `inputs = { }` (and an input's
// `inputs = { }`) every binding's first name.
func (w *walker) inputsIn(set syntax.NodeID, top bool) {
	v := w.v
	for b := v.FirstChild(set); b != syntax.NoNode; b = v.Next(b) {
		if w.kind(b) != kBinding {
			continue
		}
		var segs []syntax.NodeID
		segs = v.NamedChildren(v.ChildByField(b, fAttrpath), segs)
		if top {
			if len(segs) == 0 || v.Text(segs[0]) != "inputs" {
				continue
			}
			segs = segs[1:]
		}
		w.inputPath(segs, v.ChildByField(b, fValue))
	}
}

// inputPath marks the input name at the start of segs (a path below
// `inputs`), and those of its overrides.
func (w *walker) inputPath(segs []syntax.NodeID, value syntax.NodeID) {
	v := w.v
	if len(segs) == 0 {
		if value = unparen(v, value); value != syntax.NoNode && v.Is(value, grammar.KindAttrset) {
			w.inputsIn(value, false)
		}
		return
	}
	if w.kind(segs[0]) == kAttribute {
		w.special[segs[0]] = Token{Type: Namespace, Mods: Declaration}
	}
	switch {
	case len(segs) >= 2 && v.Text(segs[1]) == "inputs":
		w.inputPath(segs[2:], value)
	case len(segs) == 1:
		if value = unparen(v, value); value != syntax.NoNode && v.Is(value, grammar.KindAttrset) {
			for b := v.FirstChild(value); b != syntax.NoNode; b = v.Next(b) {
				if w.kind(b) != kBinding {
					continue
				}
				var inner []syntax.NodeID
				inner = v.NamedChildren(v.ChildByField(b, fAttrpath), inner)
				if len(inner) > 0 && v.Text(inner[0]) == "inputs" {
					w.inputPath(inner[1:], v.ChildByField(b, fValue))
				}
			}
		}
	}
}

func unparen(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}

// emit adds a token, joined to the previous one when they touch and are
// alike (a string's quotes and its text are one token).
func (w *walker) emit(start, end int, t Type, m Modifiers) {
	if start >= end {
		return
	}
	if w.hasPend && w.pend.End == start && w.pend.Type == t && w.pend.Mods == m {
		w.pend.End = end
		return
	}
	w.flush()
	w.pend, w.hasPend = Token{Start: start, End: end, Type: t, Mods: m}, true
}

// flush appends the pending token, cut at line breaks.
func (w *walker) flush() {
	if !w.hasPend {
		return
	}
	w.hasPend = false
	tok := w.pend
	src := w.src
	start := tok.Start
	for i := tok.Start; i < tok.End; i++ {
		c := src[i]
		if c != '\n' && c != '\r' {
			continue
		}
		if i > start {
			w.out = append(w.out, Token{Start: start, End: i, Type: tok.Type, Mods: tok.Mods})
		}
		if c == '\r' && i+1 < tok.End && src[i+1] == '\n' {
			i++
		}
		start = i + 1
		for start < tok.End && (src[start] == ' ' || src[start] == '\t') {
			start++
		}
		i = start - 1
	}
	if start < tok.End {
		w.out = append(w.out, Token{Start: start, End: tok.End, Type: tok.Type, Mods: tok.Mods})
	}
}
