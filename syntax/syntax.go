// Package syntax parses Nix text with flake-lsp's grammar and reports what
// is wrong with it: positioned syntax errors with messages that say what was
// expected, and the tree as an S-expression for tools and tests.
package syntax

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax/nixparse"
)

// Tree is a parsed document.
type Tree struct {
	*sitter.Tree
	// Abandoned is set when the parser's error recovery did not finish in
	// time (the pinned tree-sitter runtime can loop while recovering at the
	// end of some broken files): the text from Abandoned.StartByte on was
	// blanked out for this parse, and Abandoned says so.
	Abandoned *Error

	// gen identifies this tree; prev is the gen of the tree it was
	// incrementally parsed from (0 if parsed from scratch), and edits the
	// edits made to that tree (start, old end, new end). NewViewAfter
	// reuses an old View only when it was made from exactly that tree.
	gen, prev uint64
	edits     []uint32
	binary    bool // src was binary data: not parsed (see Parse)
}

var treeGen atomic.Uint64

func newTree(t *sitter.Tree, prev uint64) *Tree {
	return &Tree{Tree: t, gen: treeGen.Add(1), prev: prev}
}

// Errors lists the tree's syntax errors (see ErrorsIn), the abandoned
// region first.
func (t *Tree) Errors(src []byte) []Error {
	return t.ErrorsIn(NewView(t, src))
}

// ErrorsIn is Errors for a caller that already made the tree's View.
func (t *Tree) ErrorsIn(v *View) []Error {
	errs, _ := t.Diagnose(v)
	return errs
}

// Diagnose lists the tree's syntax errors, as ErrorsIn, and returns with
// them, when every error could be repaired without moving a byte, the
// repaired text (nil otherwise).
//
// The tree says whether the text has errors; where they are is decided by
// package nixparse, which stops where Nix's parser stops (tree-sitter's
// recovery may put the error at the first brace of the file for a ';'
// missing further down) and names what is missing. When nixparse finds no
// error (text nested too deeply for it), the tree's errors stand.
func (t *Tree) Diagnose(v *View) ([]Error, []byte) {
	errs := errorsOf(t.RootNode(), v)
	if t.Abandoned != nil {
		errs = append([]Error{*t.Abandoned}, errs...)
	}
	if len(errs) == 0 {
		return nil, nil
	}
	if t.binary {
		// The blank tree's own error (an empty file) says nothing.
		return []Error{*t.Abandoned}, nil
	}
	res := nixparse.Check(v.Src)
	if len(res.Errors) == 0 {
		return errs, nil
	}
	lines := newLineIndex(v.Src)
	out := make([]Error, 0, len(res.Errors))
	for _, e := range res.Errors {
		se := Error{StartByte: uint32(e.Start), EndByte: uint32(e.End),
			Start: lines.point(e.Start), End: lines.point(e.End), Message: e.Message}
		for _, r := range e.Related {
			se.Related = append(se.Related, Related{StartByte: uint32(r.Start), EndByte: uint32(r.End),
				Start: lines.point(r.Start), End: lines.point(r.End), Message: r.Message})
		}
		out = append(out, se)
	}
	return out, res.Repaired
}

// ParseBudget bounds one parse attempt. Parsing runs at several MB/s, so
// only a runaway error recovery comes near it.
func ParseBudget(size int) time.Duration {
	return 500*time.Millisecond + time.Duration(size/1000)*time.Millisecond
}

// Parse parses src from scratch. The tree is never nil: malformed input
// gives a tree with ERROR and MISSING nodes. If error recovery runs away,
// the end of the text is blanked out (spaces, same byte offsets) from the
// line after Nix's first error, then in growing steps, until a parse
// finishes, and the tree says which part it gave up on.
func Parse(src []byte) *Tree {
	t, _ := ParseContext(context.Background(), src)
	return t
}

// ParseContext is Parse that gives up when ctx is done (a newer edit made
// the text stale), returning nil and ctx's error.
func ParseContext(ctx context.Context, src []byte) (*Tree, error) {
	p := grammar.NewParser()
	defer p.Close()
	text := src
	if at, ok := binaryData(src); ok {
		// Tree-sitter's error recovery on binary data takes minutes and
		// gigabytes (a 50 MB file); Nix rejects it at its first bad byte.
		// Parse blanks of the same length and say so.
		tree, _ := p.ParseCtx(context.Background(), nil, blanks(src))
		t := newTree(tree, 0)
		t.binary = true
		t.Abandoned = &Error{StartByte: uint32(at), EndByte: uint32(min(at+1, len(src))),
			Start: PointAt(src, at), End: PointAt(src, min(at+1, len(src))),
			Message: "this file holds binary data, not Nix text; it is not analysed"}
		return t, nil
	}
	for cut, attempt := len(src), 0; ; attempt++ {
		pctx, cancel := context.WithTimeout(ctx, ParseBudget(len(src)))
		tree, err := p.ParseCtx(pctx, nil, text)
		cancel()
		if err == nil {
			t := newTree(tree, 0)
			if cut < len(src) {
				t.Abandoned = &Error{
					StartByte: uint32(cut), EndByte: uint32(len(src)),
					Start: PointAt(src, cut), End: PointAt(src, len(src)),
					Message: "the parser could not recover from the syntax errors here; the rest of the file is not analysed",
				}
			}
			return t, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p.Reset()
		if attempt == 0 {
			// Keep the text up to the line after Nix's first error: the
			// error is still seen, and what follows it is what recovery
			// lost itself in.
			if off, ok := nixparse.FirstError(src); ok {
				if c := lineStartAfter(src, off); c < cut {
					cut = c
					text = blankFrom(src, cut)
					continue
				}
			}
		}
		// Blank out the last line, then twice as much each time.
		step := len(src) - cut
		if step < 64 {
			step = 64
		}
		cut = lineStartBefore(src, cut-step)
		text = blankFrom(src, cut)
		if cut == 0 && len(src) == 0 {
			panic("syntax: parsing an empty text did not finish")
		}
	}
}

// blankFrom is src with spaces from cut on (same length).
func blankFrom(src []byte, cut int) []byte {
	return append(append([]byte{}, src[:cut]...), bytes.Repeat([]byte{' '}, len(src)-cut)...)
}

// lineStartAfter is the start of the line after the one holding offset.
func lineStartAfter(src []byte, offset int) int {
	if i := bytes.IndexByte(src[min(offset, len(src)):], '\n'); i >= 0 {
		return offset + i + 1
	}
	return len(src)
}

// binaryData reports whether src looks like binary data rather than
// text, and where its first control byte is: a NUL byte, or more than one
// control character (other than tab, CR, LF, FF) in 64 of its first 64 KB.
func binaryData(src []byte) (int, bool) {
	head := src[:min(len(src), 64<<10)]
	first, controls := -1, 0
	for i, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			if first < 0 {
				first = i
			}
			if c == 0 {
				return i, true
			}
			controls++
		}
	}
	if controls > 16 && controls*64 > len(head) {
		return first, true
	}
	return 0, false
}

// blanks is a text of spaces as long as src, keeping its line breaks.
func blanks(src []byte) []byte {
	b := bytes.Repeat([]byte{' '}, len(src))
	for i, c := range src {
		if c == '\n' {
			b[i] = '\n'
		}
	}
	return b
}

func lineStartBefore(src []byte, offset int) int {
	if offset <= 0 {
		return 0
	}
	return bytes.LastIndexByte(src[:offset], '\n') + 1
}

// Error is one syntax error. Offsets are bytes; Start and End are
// tree-sitter points (0-based row, byte column).
type Error struct {
	StartByte, EndByte uint32
	Start, End         sitter.Point
	Message            string
	// Related points at other places that explain the error (the opener
	// of a missing closer).
	Related []Related
}

// Related is a place that explains an Error.
type Related struct {
	StartByte, EndByte uint32
	Start, End         sitter.Point
	Message            string
}

// Code is the diagnostic code every syntax error carries.
const Code = "syntax-error"

// errorsOf lists the syntax errors of a tree in document order: one per
// ERROR node (outermost only), one per MISSING node, and the lexical errors
// the grammar leaves to this package (see lexicalError).
//
// Error nodes are found by descending only into subtrees that have errors
// (go-tree-sitter nodes, for the parse state behind "expected ..."); the
// lexical errors from candidates found in the text (keywords, long
// numbers) and from the path-like nodes, both looked up in the View.
func errorsOf(root *sitter.Node, v *View) []Error {
	if root == nil {
		return nil
	}
	src := v.Src
	var errs []Error
	if bytes.HasPrefix(src, utf8BOM) {
		// Tree-sitter skips a byte-order mark; Nix's lexer rejects it.
		errs = append(errs, Error{EndByte: 3, End: sitter.Point{Column: 3},
			Message: "unexpected byte-order mark: Nix files must not start with one"})
	}
	add := func(n *sitter.Node, msg string) {
		errs = append(errs, Error{
			StartByte: n.StartByte(), EndByte: n.EndByte(),
			Start: n.StartPoint(), End: n.EndPoint(), Message: msg,
		})
	}
	if root.HasError() {
		walkErrors(root, func(n, prev *sitter.Node) bool {
			switch {
			case n.IsMissing():
				add(n, "expected "+describe(n.Type(), n.IsNamed()))
				return false
			case n.IsError():
				errs = append(errs, errorFor(n, prev, src))
				return false
			case n.IsNamed() && n.EndByte() == n.StartByte() && n.Type() != grammar.KindSourceFile:
				// Error recovery inserted a token that is hidden in the tree
				// (the text of a path): the node is there but has no text.
				add(n, "expected "+describe(n.Type(), true))
				return false
			}
			return n.HasError()
		})
	}
	var lines lineIndex
	addAt := func(n NodeID, msg string) {
		if lines == nil {
			lines = newLineIndex(src)
		}
		start, end := v.Start(n), v.End(n)
		errs = append(errs, Error{StartByte: uint32(start), EndByte: uint32(end),
			Start: lines.point(start), End: lines.point(end), Message: msg})
	}
	for _, cand := range lexicalCandidates(src) {
		if n := v.namedSpanning(cand[0], cand[1]); n != NoNode {
			if msg := lexicalError(v, n); msg != "" {
				addAt(n, msg)
			}
		}
	}
	for n := range v.Nodes {
		switch v.Nodes[n].Symbol {
		case symPath, symInvalidAttribute, symInvalidParameter:
			if v.Nodes[n].Flags&grammar.FlagNamed != 0 {
				if msg := lexicalError(v, NodeID(n)); msg != "" {
					addAt(NodeID(n), msg)
				}
			}
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].StartByte < errs[j].StartByte })
	return errs
}

// Symbols of the path-like kinds lexicalError checks wherever they are.
var (
	symPath             = grammar.SymbolFor(grammar.KindPath)
	symInvalidAttribute = grammar.SymbolFor(grammar.KindInvalidAttribute)
	symInvalidParameter = grammar.SymbolFor(grammar.KindInvalidParameter)
)

// lexicalCandidates finds, in the text, the words that could be keywords
// read as names and the numbers that could be out of range. Most turn out
// to be keywords, or inside strings and comments; the tree decides.
func lexicalCandidates(src []byte) [][2]int {
	var out [][2]int
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isIDStart := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
	isIDChar := func(c byte) bool { return isIDStart(c) || isDigit(c) || c == '\'' || c == '-' }
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case isIDStart(c):
			// Where the lexer would start an identifier (`-assert` is `-`
			// and `assert`, `x-assert` one identifier).
			start := i
			for i < len(src) && isIDChar(src[i]) {
				i++
			}
			if keywords[string(src[start:i])] {
				out = append(out, [2]int{start, i})
			}
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			start, j := i, i
			for j < len(src) && isDigit(src[j]) {
				j++
			}
			if j-start >= 19 {
				out = append(out, [2]int{start, j}) // may overflow int64
			}
			end := j
			if f := floatAt(src, start); f > start {
				out = append(out, [2]int{start, f})
				end = max(end, f)
			}
			i = max(end, i+1)
		default:
			i++
		}
	}
	return out
}

// floatAt returns the end of a float literal at start whose exponent has
// three or more digits, or whose mantissa is long, the only ones that can be
// out of range; otherwise start.
func floatAt(src []byte, start int) int {
	i := start
	for i < len(src) && (src[i] >= '0' && src[i] <= '9' || src[i] == '.') {
		i++
	}
	mantissa := i - start
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		k := j
		for k < len(src) && src[k] >= '0' && src[k] <= '9' {
			k++
		}
		if k-j >= 3 {
			return k
		}
		if k > j {
			i = k
		}
	}
	if mantissa >= 300 {
		return i
	}
	return start
}

// lineIndex maps byte offsets to tree-sitter points.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) point(offset int) sitter.Point {
	row := sort.SearchInts(l, offset+1) - 1
	return sitter.Point{Row: uint32(row), Column: uint32(offset - l[row])}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// simpleKinds are the node kinds of Nix's expr_simple.
var simpleKinds = map[string]bool{
	grammar.KindIdentifier: true, grammar.KindInteger: true, grammar.KindFloat: true,
	grammar.KindString: true, grammar.KindIndentedString: true, grammar.KindPath: true,
	grammar.KindSearchPath: true, grammar.KindUri: true, grammar.KindParenthesized: true,
	grammar.KindAttrset: true, grammar.KindRecAttrset: true, grammar.KindLegacyLet: true,
	grammar.KindList: true,
}

// keywords are Nix's reserved words. Tree-sitter's lexer reads one as an
// identifier where the keyword cannot stand; Nix's lexer reads a keyword
// there, which its parser rejects.
var keywords = map[string]bool{
	"assert": true, "else": true, "if": true, "in": true, "inherit": true,
	"let": true, "or": true, "rec": true, "then": true, "with": true,
}

// lexicalError reports what Nix's lexer rejects but the grammar accepts:
// keywords used as names, numbers out of range, paths ending in '/', and
// paths or URIs where a name should be.
func lexicalError(v *View, n NodeID) string {
	src := v.Src
	switch v.Kind(n) {
	case grammar.KindIdentifier:
		text := v.Text(n)
		if !keywords[text] {
			return ""
		}
		// `f or` is f applied to a variable named `or`, kept by Nix for an
		// old nixpkgs function of that name; only a simple expression may
		// stand before it (`f or or` is an error).
		if text == "or" {
			parent := v.Parent(n)
			if v.Is(parent, grammar.KindApply) && v.Child(parent, grammar.FieldArgument) == n {
				if fn := v.Child(parent, grammar.FieldFunction); fn != NoNode && simpleKinds[v.Kind(fn)] {
					return ""
				}
			}
		}
		return "unexpected keyword '" + text + "', expected an identifier"
	case grammar.KindAttribute:
		if text := v.Text(n); text != "or" && keywords[text] {
			return "unexpected keyword '" + text + "', expected an attribute name (quote it: \"" + text + "\")"
		}
	case grammar.KindInteger:
		if !nixparse.FitsInt64(src[v.Start(n):v.End(n)]) {
			return "invalid integer " + quoteToken(v.Text(n)) + ": it does not fit in 64 bits"
		}
	case grammar.KindFloat:
		if !nixparse.ValidFloat(v.Text(n)) {
			return "invalid float " + quoteToken(v.Text(n)) + ": out of range"
		}
	case grammar.KindPath:
		if v.End(n) > v.Start(n) && src[v.End(n)-1] == '/' {
			return "path has a trailing slash"
		}
	case grammar.KindInvalidParameter:
		return "unexpected URI " + quoteToken(v.Text(n)) + ", expected an identifier (put a space after ':')"
	case grammar.KindInvalidAttribute:
		return "unexpected path " + quoteToken(v.Text(n)) + ", expected an attribute name"
	}
	return ""
}

// walkErrors visits the nodes under root in preorder, descending only
// where visit says so, with each node's previous sibling (nil for a first
// child). ts_node_prev_sibling would find that sibling by walking down
// from the root, as long as the hidden list holding a set's bindings, for
// each error node; the walk keeps it instead.
func walkErrors(root *sitter.Node, visit func(n, prev *sitter.Node) (descend bool)) {
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	prev := []*sitter.Node{nil} // by depth
	for {
		n := c.CurrentNode()
		if visit(n, prev[len(prev)-1]) && c.GoToFirstChild() {
			prev = append(prev, nil)
			continue
		}
		for left := n; ; {
			prev[len(prev)-1] = left
			if c.GoToNextSibling() {
				break
			}
			if !c.GoToParent() {
				return
			}
			prev = prev[:len(prev)-1]
			left = c.CurrentNode()
		}
	}
}

// errorFor describes an ERROR node: what it starts with, and what the
// parser would have accepted there (after prev, its previous sibling, nil
// if none).
func errorFor(n, prev *sitter.Node, src []byte) Error {
	e := Error{
		StartByte: n.StartByte(), EndByte: n.EndByte(),
		Start: n.StartPoint(), End: n.EndPoint(),
	}
	leaf := firstLeaf(n)
	var unexpected string
	switch {
	case leaf == nil || leaf.StartByte() >= uint32(len(src)):
		unexpected = "end of file"
	default:
		unexpected = quoteToken(leaf.Content(src))
	}
	if leaf != nil {
		// Point at the offending token rather than the whole skipped region.
		e.StartByte, e.Start = leaf.StartByte(), leaf.StartPoint()
		if leaf.EndByte() > leaf.StartByte() {
			e.EndByte, e.End = leaf.EndByte(), leaf.EndPoint()
		}
	}
	e.Message = "unexpected " + unexpected
	if exp := expectedBefore(n, prev); len(exp) > 0 {
		e.Message += ", expected " + joinOr(exp)
	}
	// An error that runs to the end of the file usually means a bracket
	// was never closed: say which, where it was opened.
	if int(n.EndByte()) >= len(bytes.TrimRight(src, " \t\r\n")) {
		if open := unclosedBracket(n); open != nil {
			e = Error{
				StartByte: open.StartByte(), EndByte: open.EndByte(),
				Start: open.StartPoint(), End: open.EndPoint(),
				Message: fmt.Sprintf("'%s' is never closed (expected '%s' before the end of the file)", open.Type(), closers[open.Type()]),
			}
		}
	}
	return e
}

var closers = map[string]string{"{": "}", "[": "]", "(": ")", "${": "}"}

// unclosedBracket returns the innermost opening bracket under n that no
// closing one matches, or nil.
func unclosedBracket(n *sitter.Node) *sitter.Node {
	var stack []*sitter.Node
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	for {
		cur := c.CurrentNode()
		if cur.ChildCount() == 0 && !cur.IsMissing() {
			switch t := cur.Type(); t {
			case "{", "[", "(", "${":
				stack = append(stack, cur)
			case "}", "]", ")":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
		if c.GoToFirstChild() {
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() || c.CurrentNode().Equal(n) {
				if len(stack) == 0 {
					return nil
				}
				return stack[len(stack)-1]
			}
		}
	}
}

func firstLeaf(n *sitter.Node) *sitter.Node {
	for n.ChildCount() > 0 {
		n = n.Child(0)
	}
	if n.IsError() && n.ChildCount() == 0 && n.EndByte() == n.StartByte() {
		return nil
	}
	return n
}

func quoteToken(text string) string {
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i]
	}
	const max = 24
	if r := []rune(text); len(r) > max {
		text = string(r[:max]) + "…"
	}
	for _, r := range text {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || r == 0xFEFF {
			// Show control characters and bad bytes as escapes.
			return strconv.Quote(text)
		}
	}
	return "'" + text + "'"
}

// describe names a token kind for a message: `';'`, `identifier`.
func describe(kind string, named bool) string {
	if !named {
		return "'" + kind + "'"
	}
	return strings.ReplaceAll(kind, "_", " ")
}

func joinOr(items []string) string {
	switch len(items) {
	case 1:
		return items[0]
	case 2:
		return items[0] + " or " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
