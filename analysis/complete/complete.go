// Package complete lists completion candidates at an offset: names in
// scope, keywords and builtins in any Nix file, and in flake.nix what the
// flake schema allows where the cursor is (top-level attributes, input
// attributes, URL schemes and what this flake's lock knows, follows
// targets, output names, systems, nixConfig settings, members of inputs
// and of self). Candidates carry byte ranges; the server converts them.
package complete

import (
	"bytes"
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Kind says what a candidate is (the server maps it to LSP's kinds).
type Kind int

const (
	Keyword Kind = iota + 1
	Variable
	Function
	Field    // an attribute name
	Module   // a flake input
	Value    // a value for a string (scheme, system, input type)
	Constant // true, false, null and other builtin constants
	Folder   // a path segment
)

// Candidate is one completion.
type Candidate struct {
	Label  string
	Kind   Kind
	Detail string // one line: the type, where it comes from
	Doc    string // Markdown
	// NewText replaces [Start, End) (the partial word under the cursor).
	NewText    string
	Start, End int
	Deprecated bool
	// Sort orders candidates (lower first) before the label.
	Sort int
}

// Complete returns the candidates at off, best first.
func Complete(u *unit.Unit, off int) []Candidate {
	out, _ := List(u, off)
	return out
}

// List is Complete, also telling whether the list is incomplete: more
// candidates match than were listed (packages), so that the client asks
// again as the word grows.
func List(u *unit.Unit, off int) ([]Candidate, bool) {
	if u.View == nil {
		return nil, false
	}
	c := &completer{u: u, off: off, p: u.At(off)}
	if broken(u, c.p, off) {
		// The text does not parse as written: the keywords an open let
		// or if lacks are read from it (a parsed let has its in).
		start, _ := wordAround(u.Src, off)
		c.open = openKeywords(u.Src, start)
		if len(u.Src) <= maxPatched {
			c.out, c.incomplete = patched(u, off, c.open)
		}
	}
	if len(c.out) == 0 {
		c.run()
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		if c.out[i].Sort != c.out[j].Sort {
			return c.out[i].Sort < c.out[j].Sort
		}
		return c.out[i].Label < c.out[j].Label
	})
	return dedupe(c.out), c.incomplete
}

// maxPatched: above this size a broken text is completed from its tree
// as it is, not reparsed with each repair patched tries (a parse and the
// analyses of the whole file per repair: 0.8-1.3 s in all for a 650 KB
// package set).
const maxPatched = 256 << 10

type completer struct {
	u   *unit.Unit
	off int
	p   *unit.Place
	out []Candidate
	// The partial word before the cursor and its range.
	wordStart, wordEnd int
	// open are the keywords an open let or if before the cursor lacks
	// (only looked for where the text does not parse).
	open []string
	// incomplete: more candidates match than were added.
	incomplete bool
}

func (c *completer) add(cand Candidate) {
	if c.out == nil {
		c.out = make([]Candidate, 0, 64)
	}
	if cand.NewText == "" {
		cand.NewText = cand.Label
	}
	if cand.Start == 0 && cand.End == 0 {
		cand.Start, cand.End = c.wordStart, c.wordEnd
	}
	c.out = append(c.out, cand)
}

func (c *completer) run() {
	c.wordStart, c.wordEnd = wordAround(c.u.Src, c.off)
	p := c.p
	if p.String != syntax.NoNode {
		c.inString()
		return
	}
	if inComment(c.u.View, c.off) || inPath(c.u.View, c.off) {
		return
	}
	if c.u.IsFlake() && c.inOutputsFormals() {
		return
	}
	if c.inheritNames() {
		return
	}
	if p.InKey || p.InSetBody {
		if c.optionName() {
			return
		}
		if c.attributeName() {
			return
		}
		if p.InSetBody || p.KeyGap || p.InKey && p.KeyIndex == 0 {
			c.bindingKeywords()
		}
		return // a new attribute name: nothing else to offer
	}
	if c.member() {
		return
	}
	c.expression()
}

// bindingKeywords are offered where a binding's name goes: inherit, and
// in when an open let needs it.
func (c *completer) bindingKeywords() {
	c.add(Candidate{Label: "inherit", Kind: Keyword, Doc: keywordDoc("inherit"), Sort: 4})
	for _, k := range c.open {
		if k == "in" {
			c.add(Candidate{Label: k, Kind: Keyword, Doc: keywordDoc(k), Sort: 4})
		}
	}
}

// broken reports whether the text around the cursor did not parse as
// written: the cursor is in (or right after) a region error recovery
// rearranged, or in a string the line leaves open.
func broken(u *unit.Unit, p *unit.Place, off int) bool {
	if q, in := openString(u.Src, off); in {
		return p.String == syntax.NoNode || u.View.Start(p.String) != q
	}
	return nearError(u.View, off)
}

// nearError reports whether the cursor is in (or right after) a region
// error recovery rearranged.
func nearError(v *syntax.View, off int) bool {
	for _, o := range []int{off, off - 1} {
		if o < 0 {
			continue
		}
		for m := v.At(o); m != syntax.NoNode; m = v.Parent(m) {
			if v.Is(m, grammar.KindError) || v.IsMissing(m) {
				return true
			}
			if v.Is(m, grammar.KindBinding) || v.Is(m, grammar.KindSourceFile) {
				if v.HasError(m) && !v.Is(m, grammar.KindSourceFile) {
					return true // `a.b.` with the rest missing
				}
				break
			}
		}
	}
	return false
}

// openString reads the cursor's line up to the cursor and reports
// whether a double-quoted string is open there (not inside `${ }`), and
// where its quote is.
func openString(src []byte, off int) (int, bool) {
	quote, depth, in := -1, 0, false
	for i := lineStart(src, off); i < off && i < len(src); i++ {
		switch b := src[i]; {
		case in && depth == 0 && b == '\\':
			i++
		case in && depth == 0 && b == '"':
			in = false
		case in && depth == 0 && b == '$' && i+1 < len(src) && src[i+1] == '{':
			depth++
			i++
		case in && depth > 0 && b == '{':
			depth++
		case in && depth > 0 && b == '}':
			depth--
		case in && depth > 0 && b == '"':
			return quote, false // a string inside the interpolation: give up
		case !in && b == '"':
			in, quote = true, i
		case !in && b == '#':
			return -1, false
		}
	}
	return quote, in && depth == 0
}

// closers is what closes, innermost first, the constructs the cursor's
// line opens before the cursor and leaves open: quotes, interpolations,
// braces, brackets and parentheses, with the `;` that ends a value
// inside a set.
func closers(src []byte, off int) string {
	var stack []byte // '{', '[', '(', '"', '$' (an interpolation)
	top := func() byte {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1]
	}
	pop := func(b byte) {
		if top() == b {
			stack = stack[:len(stack)-1]
		}
	}
	// The rest of the line may close some of them itself.
	lineEnd := off
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
scan:
	for i := lineStart(src, off); i < lineEnd; i++ {
		b := src[i]
		if top() == '"' {
			switch {
			case b == '\\':
				i++
			case b == '"':
				pop('"')
			case b == '$' && i+1 < len(src) && src[i+1] == '{':
				stack = append(stack, '$')
				i++
			}
			continue
		}
		switch b {
		case '#':
			if i < off {
				break scan
			}
			i = lineEnd
		case '"', '{', '[', '(':
			if i >= off && b == '"' {
				break scan // a string after the cursor: leave the rest as it is
			}
			stack = append(stack, b)
		case '}':
			if top() == '$' {
				pop('$')
			} else {
				pop('{')
			}
		case ']':
			pop('[')
		case ')':
			pop('(')
		}
	}
	var out strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		out.WriteString(map[byte]string{'"': `"`, '$': "}", '{': "}", '[': "]", '(': ")"}[stack[i]])
		if i > 0 && stack[i-1] == '{' {
			out.WriteString(";")
		}
	}
	return out.String()
}

func lineStart(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

// patched completes where the parser could not make sense of the text
// (a half-typed `extra.fl`, `{ sub }`, `x.inputs.`, an open string, a
// `.` with nothing after it before `}`): it reparses the text with what
// would complete it inserted after the word under the cursor (` = null;`
// for a name, a placeholder after a trailing dot, the closing quote, a
// `;` before `}`), and asks again at the same offset. The first insertion
// that gives candidates wins; the candidates keep the original ranges.
func patched(u *unit.Unit, off int, open []string) ([]Candidate, bool) {
	src := u.Src
	start, end := wordAround(src, off)
	if end < off {
		end = off
	}
	dot := start > 0 && src[start-1] == '.'
	placeholder := ""
	if start == end && (dot || keyContext(src, start)) {
		placeholder = "completionPlaceholder"
	}
	cl := closers(src, off)
	semicolonFirst := cl != "" || strings.ContainsRune("}", rune(nextNonSpace(src, end))) || nextNonSpace(src, end) == 0
	type try struct {
		insert string
		asKey  bool
	}
	var tries []try
	if _, in := openString(src, off); !in && keyContext(src, chainStart(src, start)) {
		key := placeholder + " = null; " + cl
		if cl != "" {
			key += ";"
		}
		tries = append(tries, try{key, true})
	}
	// An open if or let before the cursor gets what it lacks, so that the
	// code around parses with its names.
	exprPlaceholder := placeholder
	var suffixes []string
	for _, k := range open {
		if exprPlaceholder == "" && start == end {
			exprPlaceholder = "completionPlaceholder"
		}
		switch k {
		case "then":
			suffixes = append(suffixes, " then null else null")
		case "else":
			suffixes = append(suffixes, " else null")
		case "in":
			suffixes = append(suffixes, "; in null", " in null")
		}
	}
	for _, sfx := range suffixes {
		tries = append(tries, try{exprPlaceholder + sfx + cl + ";", false}, try{exprPlaceholder + sfx + cl, false})
	}
	if semicolonFirst {
		tries = append(tries, try{placeholder + cl + ";", false}, try{placeholder + cl, false})
	} else {
		tries = append(tries, try{placeholder + cl, false}, try{placeholder + cl + ";", false})
	}
	for _, t := range tries {
		if t.insert == "" {
			continue
		}
		pu := reparse(u, end, t.insert)

		pc := &completer{u: pu, off: off, p: pu.At(off), open: open}
		if t.asKey {
			pc.wordStart, pc.wordEnd = start, end
			if !pc.p.InKey {
				continue
			}
			if !pc.attributeName() {
				if pc.p.KeyIndex > 0 || len(pc.p.Frames) > 0 && len(pc.p.Frames[0].Path) > 1 {
					continue
				}
				pc.bindingKeywords()
			}
		} else {
			pc.run()
		}

		if len(pc.out) == 0 {
			continue
		}
		for i := range pc.out {
			// Ranges past the insertion point are shifted back into the
			// original text.
			for _, r := range []*int{&pc.out[i].Start, &pc.out[i].End} {
				if *r > end {
					*r = max(end, *r-len(t.insert))
				}
			}
			if t.asKey {
				pc.out[i].Start, pc.out[i].End = start, end
			}
		}
		return pc.out, pc.incomplete
	}
	return nil, false
}

// reparse analyses u's text with insert put at offset at.
func reparse(u *unit.Unit, at int, insert string) *unit.Unit {
	src := u.Src
	text := make([]byte, 0, len(src)+len(insert))
	text = append(append(append(text, src[:at]...), insert...), src[at:]...)
	tree := syntax.Parse(text)
	v := syntax.NewView(tree, text)
	tree.Close()
	pu := &unit.Unit{Path: u.Path, Src: text, View: v, Lock: u.Lock, LockPath: u.LockPath, LockSrc: u.LockSrc, Sources: u.Sources, Env: u.Env}
	if u.Flake != nil {
		pu.Flake = flake.Analyze(v, flake.Options{File: u.Path}).Flake
	}
	if u.Scope != nil {
		pu.Scope = scope.Analyze(v, scope.Options{File: u.Path, Flake: u.Flake != nil})
	}
	return pu
}

// keyContext reports whether an attribute name would start at off: the
// text before it (spaces skipped) ends a binding or opens a set, or is
// `let`.
func keyContext(src []byte, off int) bool {
	i := off
	for i > 0 && isSpace(src[i-1]) {
		i--
	}
	if i == 0 {
		return false
	}
	switch src[i-1] {
	case '{', ';':
		return true
	}
	return i >= 3 && string(src[i-3:i]) == "let" && (i == 3 || !isWord(src[i-4]))
}

// chainStart is where the dotted chain of names ending at off starts.
func chainStart(src []byte, off int) int {
	for {
		for off > 0 && isWord(src[off-1]) {
			off--
		}
		if off > 0 && src[off-1] == '.' {
			off--
			continue
		}
		return off
	}
}

func nextNonSpace(src []byte, off int) byte {
	for ; off < len(src); off++ {
		if !isSpace(src[off]) {
			return src[off]
		}
	}
	return 0
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// wordAround is the identifier-like word the cursor is in or just after.
func wordAround(src []byte, off int) (int, int) {
	start, end := off, off
	for start > 0 && isWord(src[start-1]) {
		start--
	}
	for end < len(src) && isWord(src[end]) {
		end++
	}
	return start, end
}

func isWord(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '\''
}

func inComment(v *syntax.View, off int) bool {
	n := v.At(off)
	return n != syntax.NoNode && v.Is(n, grammar.KindComment) && off > v.Start(n) && (off < v.End(n) || v.Src[v.Start(n)] == '#')
}

// inPath: the cursor is in a path literal (./x/y), where no name goes.
func inPath(v *syntax.View, off int) bool {
	for _, o := range []int{off, off - 1} {
		if o < 0 {
			continue
		}
		n := v.At(o)
		if n == syntax.NoNode || v.Start(n) >= off {
			continue
		}
		for m := n; m != syntax.NoNode; m = v.Parent(m) {
			if v.Is(m, grammar.KindInterpolation) {
				break // code inside ./x/${...}
			}
			if v.Is(m, grammar.KindPath) {
				return !inPathInterpolation(v, m, off)
			}
		}
	}
	return false
}

// inPathInterpolation: off is inside `${ }` of the path literal p,
// whose named children are the interpolated expressions.
func inPathInterpolation(v *syntax.View, p syntax.NodeID, off int) bool {
	for c := v.FirstChild(p); c != syntax.NoNode; c = v.Next(c) {
		if v.IsNamed(c) && v.Start(c) <= off && off <= v.End(c) {
			return true
		}
		if !v.IsNamed(c) && v.Text(c) == "}" && v.Start(c) == off {
			return true // `${x|}`
		}
	}
	return false
}

func dedupe(in []Candidate) []Candidate {
	seen := make(map[string]bool, len(in))
	out := make([]Candidate, 0, len(in))
	for _, c := range in {
		if seen[c.Label] {
			continue
		}
		seen[c.Label] = true
		out = append(out, c)
	}
	return out
}

// keywordsList are the keywords, with what each does.
var keywordsList = []struct{ word, doc string }{
	{"let", "`let x = ...; in e`: local bindings"},
	{"in", "ends the bindings of a `let`"},
	{"if", "`if c then a else b`"},
	{"then", "part of `if`"},
	{"else", "part of `if`"},
	{"with", "`with e; body`: the attributes of e become variables in body"},
	{"rec", "`rec { }`: an attribute set whose attributes see each other"},
	{"inherit", "`inherit x;` is `x = x;`, `inherit (e) x;` is `x = e.x;`"},
	{"assert", "`assert c; e`: fail unless c holds"},
}

func keywordDoc(word string) string {
	for _, k := range keywordsList {
		if k.word == word {
			return k.doc
		}
	}
	return ""
}

// expression offers what can start an expression: names in scope,
// builtins reachable without a prefix, keywords.
func (c *completer) expression() {
	u := c.u
	if u.Scope != nil {
		// The scope where the word starts: right after it may already be
		// outside (`(acc: f acc|)`).
		for _, b := range visible(u.Scope, c.wordStart) {
			cand := Candidate{Label: b.Name, Kind: Variable, Detail: b.Kind.String()}
			switch b.Kind {
			case scope.KindBuiltin:
				if strings.HasPrefix(b.Name, "__") {
					continue // reachable, but builtins.x is the way to write it
				}
				cand.Sort = 3
				cand.Kind = Function
				if b.Builtin != nil {
					cand.Detail = b.Builtin.Signature()
					cand.Doc = builtinDoc(b.Builtin)
					if !b.Builtin.IsFunction() {
						cand.Kind = Constant
					}
				}
			default:
				cand.Sort = 1
				if b.Start >= 0 {
					cand.Detail = b.Kind.String() + ", line " + itoa(lineOf(u.Src, b.Start)+1)
				}
				if c.inputFormal(b) {
					cand.Kind = Module
					cand.Detail = "input " + inputDetail(u, b.Name)
					if b.Name == "self" {
						cand.Detail = "this flake"
					}
				}
			}
			c.add(cand)
		}
		// Names other code under the same `with`s reads: they come from
		// one of them.
		withs := u.Scope.WithsAt(c.wordStart)
		if len(withs) > 0 {
			var envs []string
			for _, w := range withs {
				envs = append(envs, "`with "+truncate(strings.TrimSpace(u.View.Text(w.Env)), 30)+";`")
			}
			detail := "from " + strings.Join(envs, " or ")
			for _, w := range withs {
				for _, r := range w.Uses {
					if r.Start <= c.off && c.off <= r.End {
						continue
					}
					c.add(Candidate{Label: string(u.Src[r.Start:r.End]), Kind: Variable, Detail: detail, Sort: 2})
				}
			}
		}
	}
	c.withNixpkgs()
	c.booleanValue()
	for _, k := range c.keywords() {
		c.add(Candidate{Label: k, Kind: Keyword, Doc: keywordDoc(k), Sort: 4})
	}
}

// visible is scope.Result.VisibleAt without its map: the bindings at
// off, innermost first, each name once.
func visible(r *scope.Result, off int) []*scope.Binding {
	inner := r.ScopeAt(off)
	out := make([]*scope.Binding, 0, 64)
	for s := inner; s != nil; s = s.Parent {
		for _, b := range s.Bindings {
			shadowed := false
			for t := inner; t != s; t = t.Parent {
				if t.Lookup(b.Name) != nil {
					shadowed = true
					break
				}
			}
			if !shadowed {
				out = append(out, b)
			}
		}
	}
	return out
}

// keywords are the keywords that fit at the cursor: those that start an
// expression, and `then`, `else` or `in` when an `if` or `let` before the
// cursor still lacks it (see open).
func (c *completer) keywords() []string {
	return append([]string{"assert", "if", "let", "rec", "with"}, c.open...)
}

// openKeywords reads the words before off (strings and comments
// skipped) and returns the keywords that would complete the innermost
// open `let` (in) and `if` (then, else).
func openKeywords(src []byte, off int) []string {
	type open struct {
		kw        string
		afterThen bool
	}
	var stack []open
	for i := 0; i < off && i < len(src); {
		b := src[i]
		switch {
		case b == '#':
			for i < off && src[i] != '\n' {
				i++
			}
		case b == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:min(len(src), off)], []byte("*/"))
			if end < 0 {
				return nil // in a comment
			}
			i += end + 4
		case b == '"':
			i++
			for i < off && src[i] != '"' {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case b == '\'' && i+1 < len(src) && src[i+1] == '\'':
			end := bytes.Index(src[i+2:min(len(src), off)], []byte("''"))
			if end < 0 {
				return nil
			}
			i += end + 4
		case isWord(b) && (i == 0 || !isWord(src[i-1])):
			j := i
			for j < len(src) && isWord(src[j]) {
				j++
			}
			if j > off {
				return nil // the word under the cursor
			}
			switch string(src[i:j]) {
			case "let":
				if nextNonSpace(src, j) != '{' {
					stack = append(stack, open{kw: "let"})
				}
			case "in":
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].kw == "let" {
						stack = stack[:k]
						break
					}
				}
			case "if":
				stack = append(stack, open{kw: "if"})
			case "then":
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].kw == "if" && !stack[k].afterThen {
						stack[k].afterThen = true
						break
					}
				}
			case "else":
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].kw == "if" && stack[k].afterThen {
						stack = stack[:k]
						break
					}
				}
			}
			i = j
		default:
			i++
		}
	}
	var out []string
	if len(stack) > 0 {
		switch top := stack[len(stack)-1]; {
		case top.kw == "let":
			out = append(out, "in")
		case top.afterThen:
			out = append(out, "else")
		default:
			out = append(out, "then")
		}
	}
	return out
}

func (c *completer) inputFormal(b *scope.Binding) bool {
	u := c.u
	return u.IsFlake() && b.Kind == scope.KindFormal && b.Def != syntax.NoNode && u.Flake.Outputs != syntax.NoNode && isInside(u.View, b.Node, u.Flake.Outputs) && u.Flake.Formals[b.Name] == b.Node
}

func isInside(v *syntax.View, n, of syntax.NodeID) bool {
	for m := n; m != syntax.NoNode; m = v.Parent(m) {
		if m == of {
			return true
		}
	}
	return false
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// member completes `e.` and `e.par|`: builtins, inputs and their
// attributes, self, the attributes of a set literal a name is bound to.
// Once the cursor follows a dot, only attributes fit: it reports true
// even when it knows none.
func (c *completer) member() bool {
	src := c.u.Src
	dot := c.wordStart - 1
	if dot < 0 || src[dot] != '.' {
		return false
	}
	chain := dottedChainBefore(src, dot)
	if len(chain) == 0 {
		// `(e).|`, `"s".|`: attributes of an expression it cannot see
		// into; `./|` and `1.|` are not member accesses.
		return dot > 0 && (src[dot-1] == ')' || src[dot-1] == '}' || src[dot-1] == '"' || src[dot-1] == ']')
	}
	if len(chain) == 1 && chain[0] == "builtins" && c.isGlobal("builtins", dot) {
		for _, b := range builtins.All() {
			kind := Function
			if !b.IsFunction() {
				kind = Constant
			}
			c.add(Candidate{Label: b.Name, Kind: kind, Detail: b.Signature(), Doc: builtinDoc(&b)})
		}
		return true
	}
	if c.nixpkgsMember(chain, dot) {
		return true
	}
	if c.literalMember(chain, dot) {
		return true
	}
	if c.u.IsFlake() {
		c.flakeMember(chain, dot)
	}
	return true
}

// literalMember: `x.a.|` where x is bound to an attribute-set literal:
// the names it defines there.
func (c *completer) literalMember(chain []string, dot int) bool {
	u := c.u
	if u.Scope == nil {
		return false
	}
	var b *scope.Binding
	for _, vb := range u.Scope.VisibleAt(dot) {
		if vb.Name == chain[0] {
			b = vb
			break
		}
	}
	if b == nil || b.Kind == scope.KindBuiltin || b.Value == syntax.NoNode {
		return false
	}
	set := u.LiteralSet(b.Value)
	if set == syntax.NoNode {
		return false
	}
	for _, s := range u.AttrsAt(set, chain[1:]) {
		c.add(Candidate{Label: s.Name, Kind: Field, Detail: "attribute of " + strings.Join(chain, ".") + ", line " + itoa(lineOf(u.Src, s.Start)+1)})
	}
	return true
}

// isGlobal: name at off resolves to the builtin (not shadowed).
func (c *completer) isGlobal(name string, off int) bool {
	if c.u.Scope == nil {
		return true
	}
	for _, b := range c.u.Scope.VisibleAt(off) {
		if b.Name == name {
			return b.Kind == scope.KindBuiltin
		}
	}
	return true
}

func builtinDoc(b *builtins.Builtin) string {
	doc := b.Doc
	if b.Since != "" {
		doc += "\n\nSince Nix " + b.Since + "."
	}
	if b.Requires != "" {
		doc += " Requires `" + b.Requires + "`."
	}
	return doc
}

// dottedChainBefore reads `a.b.c` ending at the dot at index dot
// (exclusive): ["a", "b", "c"]; nil if the text there is not a plain
// chain of names. A computed name after the first (`${system}`) is read
// as unit.SystemSlot: in a flake that is what it nearly always is.
func dottedChainBefore(src []byte, dot int) []string {
	var chain []string
	end := dot
	for {
		start := end
		for start > 0 && isWord(src[start-1]) {
			start--
		}
		if start == end && end > 0 && src[end-1] == '}' {
			if open := interpolationStart(src, end-1); open > 0 && src[open-1] == '.' {
				chain = append([]string{unit.SystemSlot}, chain...)
				end = open - 1
				continue
			}
		}
		if start == end {
			return nil
		}
		chain = append([]string{string(src[start:end])}, chain...)
		if start > 0 && src[start-1] == '.' {
			end = start - 1
			continue
		}
		return chain
	}
}

// interpolationStart is where the `${` is whose `}` is at close, -1 if
// the text before is not a plain interpolation on one line.
func interpolationStart(src []byte, close int) int {
	depth := 0
	for i := close; i > 0; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			depth--
			if depth == 0 {
				if src[i-1] == '$' {
					return i - 1
				}
				return -1
			}
		case '\n', '"', '\'':
			return -1
		}
	}
	return -1
}
