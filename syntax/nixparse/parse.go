package nixparse

// The parser: Nix's grammar by recursive descent, with one token of
// lookahead except where Nix's GLR parser keeps two parses alive (an
// identifier before ':' or '@', and the '{' of formals versus an attribute
// set), where it looks one or two tokens further. It never consumes a
// token that no valid program could have at that point, so it stops where
// Nix's parser stops.

type set uint64

func bit(ks ...Kind) set {
	var s set
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

func (s set) has(k Kind) bool { return s&(1<<k) != 0 }

var (
	// What can start an expr_select (an argument, a list element).
	selectStart = bit(ID, Int, Float, PathStart, SPath, URI, DQuote, IndOpen, LParen, LBrace, LBracket, Let, Rec)
	// What can start an expression.
	exprStart = selectStart | bit(Not, Minus, If, Assert, With)
	attrStart = bit(ID, OrKw, DQuote, DollarCurly)
)

// Operator levels, lowest first, as in Nix's parser (pipes, newer Nix,
// below them all).
const (
	lvlImpl = iota + 2
	lvlOr
	lvlAnd
	lvlEq
	lvlCmp
	lvlUpdate
	lvlNot
	lvlAdd
	lvlMul
	lvlConcat
	lvlHas
	lvlNegate
)

var binLevel = [numKinds]int{
	Impl: lvlImpl, Or: lvlOr, And: lvlAnd, Eq: lvlEq, Neq: lvlEq,
	Lt: lvlCmp, Le: lvlCmp, Gt: lvlCmp, Ge: lvlCmp, Update: lvlUpdate,
	Plus: lvlAdd, Minus: lvlAdd, Star: lvlMul, Slash: lvlMul, Concat: lvlConcat,
	Question: lvlHas,
}

// nonAssoc levels: `a == b == c` is an error. (`x ? a ? b` is not: Nix
// reads it as `(x ? a) ? b`.)
func nonAssoc(lvl int) bool   { return lvl == lvlEq || lvl == lvlCmp }
func rightAssoc(lvl int) bool { return lvl == lvlImpl || lvl == lvlUpdate || lvl == lvlConcat }

// opsFrom[l] is the set of binary operators of level l or higher.
var opsFrom [lvlNegate + 2]set

func init() {
	for k := Kind(0); k < numKinds; k++ {
		if l := binLevel[k]; l > 0 {
			for m := 0; m <= l; m++ {
				opsFrom[m] |= 1 << k
			}
		}
	}
}

// maxDepth bounds nesting: deeper text is left to tree-sitter's errors.
const maxDepth = 3000

type failure struct{}
type reached struct{}
type tooDeep struct{}

type parser struct {
	toks     []Token
	pos      int
	expPos   int
	exp      set
	extraPos int // a later token where more is expected than the parse
	extra    set // will note (the other parse of Nix's GLR parser)
	opens    []int
	depth    int
	stopAt   int // stop with reached{} on arriving at this token (-1: never)
	edit     edit
}

// outcome is where a parse stopped.
type outcome struct {
	err      int // the first token that cannot be there; -1 without error
	expected set
	opens    []int // openers not closed when it stopped
	deep     bool  // nesting too deep to follow
	reached  bool  // stopped at stopAt without error
}

func parse(toks []Token, stopAt int) outcome {
	return parseEdited(toks, edit{}, stopAt)
}

// parseEdited parses toks as changed by ed.
func parseEdited(toks []Token, ed edit, stopAt int) (out outcome) {
	p := &parser{toks: toks, expPos: -1, extraPos: -1, stopAt: stopAt, edit: ed}
	defer func() {
		switch recover().(type) {
		case nil:
		case failure:
			out = outcome{err: p.pos, opens: p.opens}
			if p.expPos == p.pos {
				out.expected = p.exp
			} else if p.extraPos == p.pos {
				out.expected = p.extra
			}
		case reached:
			out = outcome{err: -1, reached: true}
		case tooDeep:
			out = outcome{err: -1, deep: true}
		default:
			panic("nixparse: unexpected panic")
		}
	}()
	if stopAt == 0 {
		panic(reached{})
	}
	p.expr()
	p.expect(EOF)
	return outcome{err: -1}
}

// edit is a one-token change of the stream a trial parse reads, without
// copying it.
type edit struct {
	op   uint8 // 0 none, opInsert, opDelete, opReplace
	at   int
	kind Kind
}

const (
	opInsert = iota + 1
	opDelete
	opReplace
)

// kindOf is the kind of token i of the stream as edited.
func (p *parser) kindOf(i int) Kind {
	e := p.edit
	switch {
	case e.op == 0 || i < e.at:
	case e.op == opInsert:
		if i == e.at {
			return e.kind
		}
		i--
	case e.op == opDelete:
		i++
	case i == e.at: // opReplace
		return e.kind
	}
	if i < len(p.toks) {
		return p.toks[i].Kind
	}
	return EOF
}

func (p *parser) kind() Kind { return p.kindOf(p.pos) }

func (p *parser) kindAt(n int) Kind { return p.kindOf(p.pos + n) }

func (p *parser) note(s set) {
	if p.expPos != p.pos {
		p.expPos, p.exp = p.pos, 0
		if p.extraPos == p.pos {
			p.exp = p.extra
		}
	}
	p.exp |= s
}

func (p *parser) noteLater(n int, s set) {
	p.extraPos, p.extra = p.pos+n, s
}

func (p *parser) is(k Kind) bool {
	p.note(1 << k)
	return p.kindOf(p.pos) == k
}

func (p *parser) advance() {
	if p.kindOf(p.pos) != EOF {
		p.pos++
	}
	if p.pos == p.stopAt {
		panic(reached{})
	}
}

func (p *parser) fail() { panic(failure{}) }

func (p *parser) expect(k Kind) {
	if !p.is(k) {
		p.fail()
	}
	p.advance()
}

func (p *parser) open() {
	p.opens = append(p.opens, p.pos)
	p.advance()
}

func (p *parser) close(k Kind) {
	if !p.is(k) {
		p.fail()
	}
	p.opens = p.opens[:len(p.opens)-1]
	p.advance()
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		panic(tooDeep{})
	}
}

// expr is Nix's expr_function.
func (p *parser) expr() {
	p.enter()
	defer func() { p.depth-- }()
	switch p.kind() {
	case ID:
		switch p.kindAt(1) {
		case Colon:
			p.advance()
			p.advance()
			p.expr()
			return
		case At:
			p.advance()
			p.advance()
			p.formals()
			p.expect(Colon)
			p.expr()
			return
		}
		p.noteLater(1, bit(Colon, At))
	case LBrace:
		if p.formalsAhead() {
			p.formals()
			if p.is(At) {
				p.advance()
				p.expect(ID)
			}
			p.expect(Colon)
			p.expr()
			return
		}
	case Assert, With:
		p.advance()
		p.expr()
		p.expect(Semi)
		p.expr()
		return
	case Let:
		if p.kindAt(1) != LBrace {
			p.advance()
			p.noteLater(0, bit(LBrace))
			p.binds()
			p.expect(In)
			p.expr()
			return
		}
	case If:
		p.advance()
		p.expr()
		p.expect(Then)
		p.expr()
		p.expect(Else)
		p.expr()
		return
	}
	p.note(exprStart)
	p.pipe()
}

// formalsAhead decides, at a '{' where a function may start, between
// formals and an attribute set, as Nix's GLR parser does once one of its
// two parses fails.
func (p *parser) formalsAhead() bool {
	switch p.kindAt(1) {
	case RBrace:
		if k := p.kindAt(2); k == Colon || k == At {
			return true
		}
		p.noteLater(2, bit(Colon, At))
	case Ellipsis:
		return true
	case ID:
		switch p.kindAt(2) {
		case Comma, Question, RBrace:
			return true
		}
		p.noteLater(2, bit(Comma, Question, RBrace))
	}
	return false
}

func (p *parser) formals() {
	if !p.is(LBrace) {
		p.fail()
	}
	p.open()
	for {
		if p.is(RBrace) {
			p.close(RBrace)
			return
		}
		if p.is(Ellipsis) {
			p.advance()
			p.close(RBrace)
			return
		}
		p.expect(ID)
		if p.is(Question) {
			p.advance()
			p.expr()
		}
		if p.is(Comma) {
			p.advance()
			continue
		}
		p.close(RBrace)
		return
	}
}

func (p *parser) pipe() {
	p.binary(lvlImpl)
	switch {
	case p.is(PipeInto):
		for p.is(PipeInto) {
			p.advance()
			p.binary(lvlImpl)
		}
	case p.is(PipeFrom):
		for p.is(PipeFrom) {
			p.advance()
			p.binary(lvlImpl)
		}
	}
}

// binary parses operators of level min and higher by precedence climbing;
// a non-associative operator after one of its own level fails, as Nix's
// %nonassoc does.
func (p *parser) binary(min int) {
	p.enter()
	defer func() { p.depth-- }()
	p.unary()
	top := 0
	for {
		k := p.kind()
		p.note(opsFrom[min])
		lvl := binLevel[k]
		if lvl == 0 || lvl < min {
			return
		}
		if nonAssoc(lvl) && lvl == top {
			p.fail()
		}
		p.advance()
		if k == Question {
			p.attrpath()
			top = lvl
			continue
		}
		next := lvl + 1
		if rightAssoc(lvl) {
			next = lvl
		}
		p.binary(next)
		top = lvl
	}
}

func (p *parser) unary() {
	switch p.kind() {
	case Not:
		p.advance()
		p.binary(lvlNot + 1)
	case Minus:
		p.advance()
		p.binary(lvlNegate + 1)
	default:
		p.note(bit(Not, Minus))
		p.app()
	}
}

func (p *parser) app() {
	p.selectExpr()
	for {
		p.note(selectStart)
		if !selectStart.has(p.kind()) {
			return
		}
		p.selectExpr()
	}
}

func (p *parser) selectExpr() {
	p.enter()
	defer func() { p.depth-- }()
	p.simple()
	if p.is(Dot) {
		p.advance()
		p.attrpath()
		if p.is(OrKw) {
			p.advance()
			p.selectExpr()
		}
		return
	}
	if p.is(OrKw) {
		// `f or`: f applied to a variable named or (kept by Nix for an old
		// nixpkgs function of that name).
		p.advance()
	}
}

func (p *parser) simple() {
	switch p.kind() {
	case ID, Int, Float, SPath, URI:
		p.advance()
	case PathStart:
		// path_start PATH_END, or path_start and parts with at least one
		// interpolation (`./a//b` is a path `./a/` and a part `/b`: an
		// error).
		p.advance()
		if p.is(PathEnd) {
			p.advance()
			return
		}
		if p.is(Str) {
			p.advance()
		}
		if !p.is(DollarCurly) {
			p.fail()
		}
		for {
			switch {
			case p.is(PathEnd):
				p.advance()
				return
			case p.is(Str):
				p.advance()
			case p.is(DollarCurly):
				p.interpolation()
			default:
				p.fail()
			}
		}
	case DQuote:
		p.str(DQuote)
	case IndOpen:
		p.str(IndClose)
	case LParen:
		p.open()
		p.expr()
		p.close(RParen)
	case Let, Rec:
		p.advance()
		if !p.is(LBrace) {
			p.fail()
		}
		p.open()
		p.binds()
		p.close(RBrace)
	case LBrace:
		p.open()
		p.binds()
		p.close(RBrace)
	case LBracket:
		p.open()
		for {
			p.note(selectStart)
			if !selectStart.has(p.kind()) {
				break
			}
			p.selectExpr()
		}
		p.close(RBracket)
	default:
		p.note(selectStart)
		p.fail()
	}
}

// str parses a string from its opening quote to closer.
func (p *parser) str(closer Kind) {
	p.open()
	for {
		switch {
		case p.is(Str):
			p.advance()
		case p.is(DollarCurly):
			p.interpolation()
		default:
			p.close(closer)
			return
		}
	}
}

func (p *parser) interpolation() {
	p.open()
	p.expr()
	p.close(RBrace)
}

func (p *parser) binds() {
	for {
		switch {
		case p.is(Inherit):
			p.advance()
			if p.is(LParen) {
				p.open()
				p.expr()
				p.close(RParen)
			}
			for {
				p.note(attrStart)
				if !attrStart.has(p.kind()) {
					break
				}
				p.attr()
			}
			p.expect(Semi)
		case p.isAttrStart():
			p.attrpath()
			p.expect(Assign)
			p.expr()
			p.expect(Semi)
		default:
			return
		}
	}
}

func (p *parser) isAttrStart() bool {
	p.note(attrStart)
	return attrStart.has(p.kind())
}

func (p *parser) attrpath() {
	p.attr()
	for p.is(Dot) {
		p.advance()
		p.attr()
	}
}

func (p *parser) attr() {
	switch p.kind() {
	case ID, OrKw:
		p.advance()
	case DQuote:
		p.str(DQuote)
	case DollarCurly:
		p.interpolation()
	default:
		p.note(attrStart)
		p.fail()
	}
}
