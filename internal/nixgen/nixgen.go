// Package nixgen makes random Nix programs for differential tests: a
// generator that knows the grammar (every construct, odd spacing, tricky
// tokens) and mutations of existing text (delete, duplicate, swap and insert
// tokens). The programs are judged by flake-lsp's parser and by real Nix.
package nixgen

import (
	"math/rand"
	"strings"
)

// Generator makes random programs. Not safe for concurrent use.
type Generator struct {
	r *rand.Rand
	// Structural limits the generator to constructs whose Nix AST print
	// flake-lsp's tests can reproduce exactly (identifiers a-d, integers,
	// operators, application, selection, lists, lambdas, let, with, assert,
	// if), with correct spacing. Otherwise anything goes.
	Structural bool
	MaxDepth   int
	out        []string
}

// New returns a generator seeded with seed.
func New(seed int64) *Generator {
	return &Generator{r: rand.New(rand.NewSource(seed)), MaxDepth: 5}
}

// Program returns one program. Outside structural mode the expression sits
// under `with` so that Nix never reports undefined variables, which are not
// syntax errors.
func (g *Generator) Program() string {
	g.out = g.out[:0]
	if g.Structural {
		g.emit("a", ":", "b", ":", "c", ":", "d", ":")
	} else {
		g.emit("x", ":", "with", "x", ";")
	}
	g.expr(0)
	return g.join()
}

func (g *Generator) emit(toks ...string) { g.out = append(g.out, toks...) }

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *Generator) pick(items ...string) string { return items[g.r.Intn(len(items))] }

// join puts the tokens together, mostly with single spaces; outside
// structural mode sometimes with none, a newline or a comment, which is
// where lexers disagree.
func (g *Generator) join() string {
	var b strings.Builder
	for i, t := range g.out {
		if i > 0 && t != "" {
			switch {
			case g.Structural:
				b.WriteByte(' ')
			case g.chance(0.12):
				// no space at all
			case g.chance(0.05):
				b.WriteString(g.pick("\n", "\r\n", "\t", "  ", " /* c */ ", " # c\n", "/**/"))
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

var (
	structIdents = []string{"a", "b", "c", "d"}
	idents       = []string{"a", "b", "x", "foo", "x-y", "a'", "_z", "or1", "if-x", "inherits", "lib", "pkgs", "__curPos", "true", "null"}
	binaryOps    = []string{"+", "-", "*", "/", "++", "//", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "->"}
)

func (g *Generator) ident() string {
	if g.Structural {
		return structIdents[g.r.Intn(len(structIdents))]
	}
	return idents[g.r.Intn(len(idents))]
}

// expr emits an expression; deeper levels favour simple ones.
func (g *Generator) expr(depth int) {
	if depth >= g.MaxDepth {
		g.simple(depth)
		return
	}
	n := 14
	if g.Structural {
		n = 12
	}
	switch g.r.Intn(n + 6) {
	case 0:
		p := g.ident()
		if !g.Structural && g.chance(0.3) {
			g.formals(depth)
			if g.chance(0.3) {
				g.emit("@", p)
			}
		} else {
			g.emit(p)
			if !g.Structural && g.chance(0.2) {
				g.emit("@")
				g.formals(depth)
			}
		}
		g.emit(":")
		g.expr(depth + 1)
	case 1:
		g.emit("let")
		nb := 1
		if !g.Structural {
			nb = g.r.Intn(3)
		}
		for i := 0; i < nb; i++ {
			g.binding(depth)
		}
		g.emit("in")
		g.expr(depth + 1)
	case 2:
		g.emit("with")
		g.expr(depth + 1)
		g.emit(";")
		g.expr(depth + 1)
	case 3:
		g.emit("assert")
		g.expr(depth + 1)
		g.emit(";")
		g.expr(depth + 1)
	case 4:
		g.emit("if")
		g.expr(depth + 1)
		g.emit("then")
		g.expr(depth + 1)
		g.emit("else")
		g.expr(depth + 1)
	case 5, 6, 7, 8:
		g.operand(depth)
		g.emit(binaryOps[g.r.Intn(len(binaryOps))])
		g.operand(depth)
	case 9:
		g.emit(g.pick("!", "-"))
		g.operand(depth)
	case 10:
		g.operand(depth)
		g.emit("?")
		g.attrpath(depth)
	case 11:
		g.operand(depth)
		g.operand(depth)
	case 12:
		g.simple(depth)
		g.emit("or")
	case 13:
		g.emit(g.pick("|>", "<|", "->", "//"))
		g.operand(depth)
	default:
		g.operand(depth)
	}
}

// operand is an expression that often needs no parentheses where it goes,
// and sometimes does (which is the point).
func (g *Generator) operand(depth int) {
	if g.chance(0.5) {
		g.expr(depth + 1)
		return
	}
	g.selectExpr(depth)
}

func (g *Generator) selectExpr(depth int) {
	g.simple(depth)
	if g.chance(0.25) {
		g.emit(".")
		g.attrpath(depth)
		if g.chance(0.3) {
			g.emit("or")
			g.simple(depth + 1)
		}
	}
}

func (g *Generator) attrpath(depth int) {
	n := 1 + g.r.Intn(3)
	for i := 0; i < n; i++ {
		if i > 0 {
			g.emit(".")
		}
		g.attr(depth)
	}
}

func (g *Generator) attr(depth int) {
	if g.Structural {
		g.emit(g.pick("a", "b", "c", "x", "y", "z"))
		return
	}
	switch g.r.Intn(8) {
	case 0:
		g.emit(g.stringLit(depth))
	case 1:
		g.emit("${")
		g.expr(depth + 1)
		g.emit("}")
	case 2:
		g.emit(g.pick("or", "if", "let", "in", "rec"))
	default:
		g.emit(g.ident())
	}
}

func (g *Generator) binding(depth int) {
	if !g.Structural && g.chance(0.2) {
		g.emit("inherit")
		if g.chance(0.5) {
			g.emit("(")
			g.expr(depth + 1)
			g.emit(")")
		}
		for i := g.r.Intn(3); i > 0; i-- {
			g.attr(depth)
		}
		g.emit(";")
		return
	}
	if g.Structural {
		g.emit(g.pick("a", "b"))
	} else {
		g.attrpath(depth)
	}
	g.emit("=")
	g.expr(depth + 1)
	g.emit(";")
}

func (g *Generator) formals(depth int) {
	g.emit("{")
	n := g.r.Intn(4)
	for i := 0; i < n; i++ {
		if i > 0 {
			g.emit(",")
		}
		g.emit(g.pick("p", "q", "r", "s", "t"))
		if g.chance(0.3) {
			g.emit("?")
			g.expr(depth + 1)
		}
	}
	if g.chance(0.3) {
		if n > 0 {
			g.emit(",")
		}
		g.emit("...")
	} else if n > 0 && g.chance(0.1) {
		g.emit(",")
	}
	g.emit("}")
}

func (g *Generator) simple(depth int) {
	k := 12
	if g.Structural {
		k = 6
	}
	if depth >= g.MaxDepth {
		k = 3
	}
	switch g.r.Intn(k) {
	case 0:
		g.emit(g.ident())
	case 1:
		if g.Structural {
			g.emit(g.pick("0", "1", "2", "10", "42"))
		} else {
			g.emit(g.pick("0", "1", "42", "007", "9223372036854775807", "9223372036854775808", "1.0e999", "0.1e-310", "0.0e-999", "1.", ".5", "1.5", "0.5", "1.5e3", "2.E-2", "01.5", "1e3", "0."))
		}
	case 2:
		if g.Structural {
			g.emit(g.ident())
		} else {
			g.emit(g.stringLit(depth))
		}
	case 3:
		g.emit("(")
		g.expr(depth + 1)
		g.emit(")")
	case 4:
		g.emit("[")
		for i := g.r.Intn(4); i > 0; i-- {
			g.selectExpr(depth + 1)
		}
		g.emit("]")
	case 5:
		g.emit("(")
		g.expr(depth + 1)
		g.emit(")")
	case 6, 7:
		g.emit(g.pick("", "rec", "let"))
		g.emit("{")
		for i := g.r.Intn(3); i > 0; i-- {
			g.binding(depth)
		}
		g.emit("}")
	case 8:
		g.path(depth)
	case 9:
		g.emit(g.pick("<nixpkgs>", "<nixpkgs/lib>", "<a.b>", "http://example.org/a?b=c", "github:NixOS/nixpkgs", "x:x", "a+b:c", "~/a", "~/a/b.nix"))
	default:
		g.emit(g.indentedString(depth))
	}
}

func (g *Generator) path(depth int) {
	start := g.pick("./a", "../b/c", "/x", "a/b", "./.", "./a.nix", "~/d", "1/2", "a.b/c", "-a/b", "+x/y")
	switch g.r.Intn(4) {
	case 0:
		g.emit(start)
	case 1:
		g.emit(start + "/${")
		g.expr(depth + 1)
		g.emit("}" + g.pick("", ".nix", "/x", "-y", "/"))
	case 2:
		g.emit(start + "${")
		g.expr(depth + 1)
		g.emit("}")
	default:
		g.emit(start + g.pick("/", "//", "/ ", "/$x"))
	}
}

var stringPieces = []string{"a", " ", "\\n", "\\t", "\\r", "\\\\", "\\$", "\\\"", "\\q", "$", "$$", "$${", "$a", "é", "🙂", "\n", "''", "'", "#", "/*"}

func (g *Generator) stringLit(depth int) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := g.r.Intn(4); i > 0; i-- {
		if g.chance(0.2) && depth < g.MaxDepth {
			b.WriteString("${" + g.sub(depth) + "}")
			continue
		}
		b.WriteString(stringPieces[g.r.Intn(len(stringPieces))])
	}
	if g.chance(0.1) {
		b.WriteString("$")
	}
	b.WriteByte('"')
	return b.String()
}

var indentedPieces = []string{"a", " ", "\n", "  ", "'''", "''$", "''\\n", "''\\x", "'", "$", "$$", "$${", "\\n", "\"", "é", "'a", "$'"}

func (g *Generator) indentedString(depth int) string {
	var b strings.Builder
	b.WriteString("''")
	if g.chance(0.2) {
		b.WriteString("'")
	}
	for i := g.r.Intn(5); i > 0; i-- {
		if g.chance(0.2) && depth < g.MaxDepth {
			b.WriteString("${" + g.sub(depth) + "}")
			continue
		}
		b.WriteString(indentedPieces[g.r.Intn(len(indentedPieces))])
	}
	b.WriteString("''")
	return b.String()
}

// sub renders a nested expression to text, for string interpolations.
func (g *Generator) sub(depth int) string {
	saved := g.out
	g.out = nil
	g.expr(depth + 2)
	s := g.join()
	g.out = saved
	return s
}

// Pieces of text that mutations insert.
var insertions = []string{";", "}", "{", "(", ")", "[", "]", "=", ":", ".", "..", "...", "?", "@", ",", "\"", "''", "${", "$", "/", "//", "<", ">", "-", "!", "or", "in", "let", "if", "then", "else", "rec", "inherit", "with", "assert", "a", "1", "./a", "~", "#", "/*", "*/", "\\", "'", "é", "\r"}

// Mutate applies one random token-level change to src. spans are the
// [start, end) byte ranges of src's tokens (from a parse).
func Mutate(r *rand.Rand, src string, spans [][2]int) string {
	if len(spans) == 0 {
		return src + insertions[r.Intn(len(insertions))]
	}
	s := spans[r.Intn(len(spans))]
	switch r.Intn(4) {
	case 0: // delete a token
		return src[:s[0]] + src[s[1]:]
	case 1: // duplicate a token
		return src[:s[1]] + " " + src[s[0]:s[1]] + src[s[1]:]
	case 2: // swap with another token
		t := spans[r.Intn(len(spans))]
		if t[0] < s[0] {
			s, t = t, s
		}
		if t[0] < s[1] {
			return src
		}
		return src[:s[0]] + src[t[0]:t[1]] + src[s[1]:t[0]] + src[s[0]:s[1]] + src[t[1]:]
	default: // insert a piece before a token
		at := s[0]
		if r.Intn(2) == 0 {
			at = s[1]
		}
		return src[:at] + insertions[r.Intn(len(insertions))] + src[at:]
	}
}
