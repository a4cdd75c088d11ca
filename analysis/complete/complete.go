// Package complete lists completion candidates at an offset: names in
// scope, keywords and builtins in any Nix file, and in flake.nix what the
// flake schema allows where the cursor is (top-level attributes, input
// attributes, URL schemes and what this flake's lock knows, follows
// targets, output names, systems, nixConfig settings, members of inputs
// and of self). Candidates carry byte ranges; the server converts them.
package complete

import (
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
	if u.View == nil {
		return nil
	}
	c := &completer{u: u, off: off, p: u.At(off)}
	if c.p.String == syntax.NoNode && u.IsFlake() && nearError(u.View, off) {
		c.out = patched(u, off)
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
	return dedupe(c.out)
}

type completer struct {
	u   *unit.Unit
	off int
	p   *unit.Place
	out []Candidate
	// The partial word before the cursor and its range.
	wordStart, wordEnd int
}

func (c *completer) add(cand Candidate) {
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
	if inComment(c.u.View, c.off) {
		return
	}
	if c.u.IsFlake() && c.inOutputsFormals() {
		return
	}
	if p.InKey || p.InSetBody {
		if c.attributeName() {
			return
		}
		if p.InKey {
			return // a new attribute name: nothing to offer
		}
	}
	if c.member() {
		return
	}
	c.expression()
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

// patched completes a half-typed attribute name (`extra.fl`, `{ sub }`,
// `x.inputs.`) that the parser could not place in a binding: it reparses
// the text with ` = null;` after the word (and a placeholder name after
// a trailing dot) and asks again where the cursor is.
func patched(u *unit.Unit, off int) []Candidate {
	src := u.Src
	start, end := wordAround(src, off)
	insert := " = null; "
	placeholder := start == end && start > 0 && src[start-1] == '.'
	if placeholder {
		insert = "completionPlaceholder" + insert
	}
	text := make([]byte, 0, len(src)+len(insert))
	text = append(append(append(text, src[:end]...), insert...), src[end:]...)
	tree := syntax.Parse(text)
	v := syntax.NewView(tree, text)
	tree.Close()
	pu := &unit.Unit{Path: u.Path, Src: text, View: v, Lock: u.Lock, LockPath: u.LockPath, LockSrc: u.LockSrc}
	if u.Flake != nil {
		pu.Flake = flake.Analyze(v, flake.Options{File: u.Path}).Flake
	}
	pc := &completer{u: pu, off: off, p: pu.At(off)}
	pc.wordStart, pc.wordEnd = start, end
	if !pc.p.InKey || !pc.attributeName() {
		return nil
	}
	for i := range pc.out {
		pc.out[i].Start, pc.out[i].End = start, end
	}
	return pc.out
}

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

func dedupe(in []Candidate) []Candidate {
	seen := map[string]bool{}
	var out []Candidate
	for _, c := range in {
		if seen[c.Label] {
			continue
		}
		seen[c.Label] = true
		out = append(out, c)
	}
	return out
}

// keywordsList are the keywords offered where an expression goes.
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

// expression offers what can start an expression: names in scope,
// builtins reachable without a prefix, keywords.
func (c *completer) expression() {
	u := c.u
	if u.Scope != nil {
		for _, b := range u.Scope.VisibleAt(c.off) {
			cand := Candidate{Label: b.Name, Kind: Variable, Detail: b.Kind.String()}
			switch b.Kind {
			case scope.KindBuiltin:
				if strings.HasPrefix(b.Name, "__") {
					continue // reachable, but builtins.x is the way to write it
				}
				cand.Sort = 3
				cand.Kind = Function
				if b.Builtin != nil {
					cand.Detail = "builtin " + b.Builtin.Signature()
					cand.Doc = b.Builtin.Doc
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
					cand.Detail = "flake input"
				}
			}
			c.add(cand)
		}
		// Names other code under the same `with` reads: they come from it.
		for _, w := range u.Scope.WithsAt(c.off) {
			env := strings.TrimSpace(u.View.Text(w.Env))
			for _, r := range w.Uses {
				name := string(u.Src[r.Start:r.End])
				if r.Start <= c.off && c.off <= r.End {
					continue
				}
				c.add(Candidate{Label: name, Kind: Variable, Detail: "from `with " + truncate(env, 30) + ";`", Sort: 2})
			}
		}
	}
	for _, k := range keywordsList {
		c.add(Candidate{Label: k.word, Kind: Keyword, Doc: k.doc, Sort: 4})
	}
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

func lineOf(src []byte, off int) int { return strings.Count(string(src[:off]), "\n") }

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
// attributes, self.
func (c *completer) member() bool {
	src := c.u.Src
	dot := c.wordStart - 1
	if dot < 0 || src[dot] != '.' {
		return false
	}
	chain := dottedChainBefore(src, dot)
	if len(chain) == 0 {
		return false
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
	if c.u.IsFlake() {
		return c.flakeMember(chain, dot)
	}
	return false
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
// chain of names.
func dottedChainBefore(src []byte, dot int) []string {
	var chain []string
	end := dot
	for {
		start := end
		for start > 0 && isWord(src[start-1]) {
			start--
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
