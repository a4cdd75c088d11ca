// Package nixparse finds syntax errors where Nix finds them. Tree-sitter's
// error recovery is good at building a tree around a mistake but poor at
// saying where the mistake is: it may wrap a whole file in one ERROR node
// and report its first brace. Nix's own parser is LALR(1) (run in GLR mode
// for the `{` of formals versus attribute sets): it stops at the first
// token that no valid program can have at that point, the end of the
// longest viable prefix. This package reproduces that with a lexer that
// follows Nix's flex rules (longest match, the same start conditions for
// strings, paths and braces) and a recursive-descent parser with the
// viable-prefix property over Nix's grammar and operator table. It runs
// only on text the tree says is broken.
//
// Beyond the first error it repairs: it tries inserting, deleting or
// replacing one token near the error and keeps the repair that lets the
// parse go furthest, which names what was missing (`expected ';'`) and
// lets the parse continue to later, independent mistakes.
package nixparse

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Kind is a token kind, named after Nix's parser tokens where it has them.
type Kind uint8

const (
	EOF Kind = iota
	ID
	OrKw
	Int
	Float
	PathStart // a path's first part (PATH or HPATH); PathEnd follows its last
	PathEnd   // zero-width
	Str       // a piece of a string, an indented string or a path
	SPath     // <nixpkgs>
	URI
	DQuote   // "
	IndOpen  // ''
	IndClose // ''
	DollarCurly
	LBrace
	RBrace
	LBracket
	RBracket
	LParen
	RParen
	Semi
	Colon
	Comma
	Dot
	Ellipsis
	At
	Question
	Assign
	Eq
	Neq
	Lt
	Le
	Gt
	Ge
	And
	Or
	Impl
	Update
	Concat
	Plus
	Minus
	Star
	Slash
	Not
	PipeInto
	PipeFrom
	If
	Then
	Else
	Assert
	With
	Let
	In
	Rec
	Inherit
	Invalid  // a byte no rule of Nix's lexer takes as a token
	LexError // a token Nix's lexer rejects (Token.Msg says why)
	numKinds
)

var kindNames = [numKinds]string{
	EOF: "end of file", ID: "identifier", OrKw: "'or'", Int: "integer", Float: "float",
	PathStart: "path", PathEnd: "end of path", Str: "string", SPath: "search path", URI: "URI",
	DQuote: `'"'`, IndOpen: "''", IndClose: "''", DollarCurly: "'${'",
	LBrace: "'{'", RBrace: "'}'", LBracket: "'['", RBracket: "']'", LParen: "'('", RParen: "')'",
	Semi: "';'", Colon: "':'", Comma: "','", Dot: "'.'", Ellipsis: "'...'", At: "'@'",
	Question: "'?'", Assign: "'='", Eq: "'=='", Neq: "'!='", Lt: "'<'", Le: "'<='", Gt: "'>'",
	Ge: "'>='", And: "'&&'", Or: "'||'", Impl: "'->'", Update: "'//'", Concat: "'++'",
	Plus: "'+'", Minus: "'-'", Star: "'*'", Slash: "'/'", Not: "'!'", PipeInto: "'|>'",
	PipeFrom: "'<|'", If: "'if'", Then: "'then'", Else: "'else'", Assert: "'assert'",
	With: "'with'", Let: "'let'", In: "'in'", Rec: "'rec'", Inherit: "'inherit'",
	Invalid: "invalid character", LexError: "invalid token",
}

// String names the kind as a message does.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "?"
}

// text is the source text of a kind with a fixed spelling, for repairs.
var text = map[Kind]string{
	Semi: ";", Colon: ":", Comma: ",", Dot: ".", Assign: "=", RBrace: "}", RBracket: "]",
	RParen: ")", LBrace: "{", In: "in", Then: "then", Else: "else", ID: "x", DQuote: `"`,
}

// Token is one token. Start and End are byte offsets; Trivia is where the
// whitespace or comment before it starts, Last where the last lexeme before
// it (token, whitespace run or comment) starts: Nix reports an unexpected
// end of file there.
type Token struct {
	Kind       Kind
	Start, End int
	Last       int
	Msg        string // LexError only
}

var keywords = map[string]Kind{
	"if": If, "then": Then, "else": Else, "assert": Assert, "with": With,
	"let": Let, "in": In, "rec": Rec, "inherit": Inherit, "or": OrKw,
}

// lexer start conditions, as in Nix's lexer.
type state uint8

const (
	stDefault state = iota // INITIAL at the bottom of the stack, DEFAULT above
	stString
	stIndString
	stInPath
	stInPathSlash
)

func isIDStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func isIDChar(c byte) bool  { return isIDStart(c) || isDigit(c) || c == '\'' || c == '-' }
func isDigit(c byte) bool   { return c >= '0' && c <= '9' }
func isPathChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' || c == '_' || c == '-' || c == '+'
}
func isURISchemeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '+' || c == '-' || c == '.'
}
func isURIChar(c byte) bool {
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) {
		return true
	}
	switch c {
	case '%', '/', '?', ':', '@', '&', '=', '+', '$', ',', '-', '_', '.', '!', '~', '*', '\'':
		return true
	}
	return false
}

// Lex splits src into Nix's tokens, ending with EOF. It never fails: what
// Nix's lexer rejects becomes an Invalid or LexError token, where the
// parser stops as Nix does.
func Lex(src []byte) []Token {
	lx := lexer{src: src, stack: []state{stDefault}}
	toks := make([]Token, 0, len(src)/4+1)
	invalid := 0
	for {
		t := lx.next()
		toks = append(toks, t)
		if t.Kind == Invalid {
			// The parse stops at the first; repairs look a few further.
			if invalid++; invalid == 64 {
				toks = append(toks, Token{Kind: EOF, Start: len(src), End: len(src), Last: t.Start})
				return toks
			}
		}
		if t.Kind == EOF || t.Kind == LexError {
			if t.Kind == LexError {
				// Nix's lexer throws: nothing after it is read.
				toks = append(toks, Token{Kind: EOF, Start: len(src), End: len(src), Last: t.Start})
			}
			return toks
		}
	}
}

type lexer struct {
	src   []byte
	pos   int
	last  int // start of the last lexeme
	stack []state
}

func (lx *lexer) top() state   { return lx.stack[len(lx.stack)-1] }
func (lx *lexer) push(s state) { lx.stack = append(lx.stack, s) }
func (lx *lexer) pop() {
	if len(lx.stack) > 1 {
		lx.stack = lx.stack[:len(lx.stack)-1]
	}
}

func (lx *lexer) tok(k Kind, start, end int) Token {
	lx.last = start
	lx.pos = end
	return Token{Kind: k, Start: start, End: end}
}

func (lx *lexer) next() Token {
	src := lx.src
	switch lx.top() {
	case stString:
		return lx.inString()
	case stIndString:
		return lx.inIndString()
	case stInPath, stInPathSlash:
		return lx.inPath()
	}
	// Skip whitespace and comments, each one lexeme.
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			lx.last = lx.pos
			for lx.pos < len(src) && (src[lx.pos] == ' ' || src[lx.pos] == '\t' || src[lx.pos] == '\r' || src[lx.pos] == '\n') {
				lx.pos++
			}
			continue
		case c == '#':
			lx.last = lx.pos
			for lx.pos < len(src) && src[lx.pos] != '\n' && src[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		case c == '/' && lx.pos+1 < len(src) && src[lx.pos+1] == '*':
			if end := blockCommentEnd(src, lx.pos); end > 0 {
				lx.last = lx.pos
				lx.pos = end
				continue
			}
		}
		break
	}
	if lx.pos >= len(src) {
		return Token{Kind: EOF, Start: len(src), End: len(src), Last: lx.last}
	}
	start := lx.pos
	t := lx.defaultToken()
	t.Last = start
	return t
}

// blockCommentEnd returns the end of the /* */ comment at i, or 0 when it
// is not closed (then Nix's lexer reads '/' as a token).
func blockCommentEnd(src []byte, i int) int {
	for j := i + 2; j+1 < len(src); j++ {
		if src[j] == '*' && src[j+1] == '/' {
			return j + 2
		}
	}
	return 0
}

// defaultToken lexes one token in the default state: the longest match
// among Nix's rules, the earlier rule on a tie. The rules, in Nix's order:
// keywords and `...`, two-character operators, identifiers, integers,
// floats, `${`, `}`, `{`, `"`, `”`, a path segment before `${`, paths,
// search paths, URIs, any other character.
func (lx *lexer) defaultToken() Token {
	src, i := lx.src, lx.pos
	c := src[i]
	at := func(s string) bool { return len(src)-i >= len(s) && string(src[i:i+len(s)]) == s }

	best, bestKind := 0, Invalid
	consider := func(n int, k Kind) { // in rule order: a tie keeps the earlier
		if n > best {
			best, bestKind = n, k
		}
	}
	idLen := 0
	if isIDStart(c) {
		idLen = 1
		for i+idLen < len(src) && isIDChar(src[i+idLen]) {
			idLen++
		}
		if idLen >= 2 && idLen <= 7 {
			if kw, ok := keywords[string(src[i:i+idLen])]; ok {
				consider(idLen, kw)
			}
		}
	}
	if at("...") {
		consider(3, Ellipsis)
	}
	if i+1 < len(src) {
		if k := twoCharKind(c, src[i+1]); k != EOF {
			consider(2, k)
		}
	}
	consider(idLen, ID)
	if isDigit(c) {
		n := 1
		for i+n < len(src) && isDigit(src[i+n]) {
			n++
		}
		consider(n, Int)
	}
	consider(floatLen(src, i), Float)
	switch {
	case at("${"):
		consider(2, DollarCurly)
	case c == '}':
		consider(1, RBrace)
	case c == '{':
		consider(1, LBrace)
	case c == '"':
		consider(1, DQuote)
	case at("''"):
		n := 2
		j := i + 2
		for j < len(src) && src[j] == ' ' {
			j++
		}
		if j < len(src) && src[j] == '\n' {
			n = j + 1 - i
		}
		consider(n, IndOpen)
	}
	// {PATH_SEG}\$\{ and {HPATH_START}\$\{: a path going on with an
	// interpolation right after a slash.
	segDollar := 0
	{
		j := i
		for j < len(src) && isPathChar(src[j]) {
			j++
		}
		if j+2 < len(src) && src[j] == '/' && src[j+1] == '$' && src[j+2] == '{' {
			segDollar = j + 3 - i
		}
		if c == '~' && at("~/${") {
			segDollar = max(segDollar, 4)
		}
	}
	const pathDollar = numKinds // a marker, not a token kind
	consider(segDollar, pathDollar)
	consider(pathLen(src, i), PathStart)
	if c == '<' {
		consider(spathLen(src, i), SPath)
	}
	consider(uriLen(src, i), URI)
	if k := oneChar[c]; k != EOF {
		consider(1, k)
	}

	switch bestKind {
	case pathDollar:
		// PATH_START: the segment up to and including the slash is the
		// path's first part; the interpolation follows in INPATH_SLASH.
		lx.push(stInPathSlash)
		return lx.tok(PathStart, i, i+best-2)
	case PathStart:
		if src[i+best-1] == '/' {
			lx.push(stInPathSlash)
		} else {
			lx.push(stInPath)
		}
	case DollarCurly, LBrace:
		lx.push(stDefault)
	case RBrace:
		lx.pop()
	case DQuote:
		lx.push(stString)
	case IndOpen:
		lx.push(stIndString)
	case Int:
		if !FitsInt64(src[i : i+best]) {
			t := lx.tok(LexError, i, i+best)
			t.Msg = "invalid integer '" + string(src[i:i+best]) + "'"
			return t
		}
	case Float:
		if !ValidFloat(string(src[i : i+best])) {
			t := lx.tok(LexError, i, i+best)
			t.Msg = "invalid float '" + string(src[i:i+best]) + "'"
			return t
		}
	case Invalid:
		best = 1
		for i+best < len(src) && best < 4 && src[i+best]&0xC0 == 0x80 {
			best++ // show a whole UTF-8 character
		}
	}
	return lx.tok(bestKind, i, i+best)
}

// twoCharKind is the two-character operator a b, or EOF.
func twoCharKind(a, b byte) Kind {
	switch string([]byte{a, b}) {
	case "==":
		return Eq
	case "!=":
		return Neq
	case "<=":
		return Le
	case ">=":
		return Ge
	case "&&":
		return And
	case "||":
		return Or
	case "->":
		return Impl
	case "//":
		return Update
	case "++":
		return Concat
	case "|>":
		return PipeInto
	case "<|":
		return PipeFrom
	}
	return EOF
}

// oneChar is the one-character token of a byte, EOF for none.
var oneChar = [256]Kind{'[': LBracket, ']': RBracket, '(': LParen, ')': RParen, ';': Semi,
	':': Colon, ',': Comma, '.': Dot, '@': At, '?': Question, '=': Assign, '<': Lt, '>': Gt,
	'+': Plus, '-': Minus, '*': Star, '/': Slash, '!': Not}

// floatLen matches (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
func floatLen(src []byte, i int) int {
	j := i
	switch {
	case j < len(src) && src[j] >= '1' && src[j] <= '9':
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		if j >= len(src) || src[j] != '.' {
			return 0
		}
		j++
		for j < len(src) && isDigit(src[j]) {
			j++
		}
	default:
		if j < len(src) && src[j] == '0' {
			j++
		}
		if j >= len(src) || src[j] != '.' || j+1 >= len(src) || !isDigit(src[j+1]) {
			return 0
		}
		j++
		for j < len(src) && isDigit(src[j]) {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigit(src[k]) {
			for k < len(src) && isDigit(src[k]) {
				k++
			}
			j = k
		}
	}
	return j - i
}

// pathLen matches {PATH_CHAR}*(\/{PATH_CHAR}+)+\/? and \~(\/{PATH_CHAR}+)+\/?
func pathLen(src []byte, i int) int {
	j := i
	if j < len(src) && src[j] == '~' {
		j++
	} else {
		for j < len(src) && isPathChar(src[j]) {
			j++
		}
	}
	segs := 0
	for j+1 < len(src) && src[j] == '/' && isPathChar(src[j+1]) {
		j += 2
		for j < len(src) && isPathChar(src[j]) {
			j++
		}
		segs++
	}
	if segs == 0 {
		return 0
	}
	if j < len(src) && src[j] == '/' {
		j++
	}
	return j - i
}

// spathLen matches \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>
func spathLen(src []byte, i int) int {
	if src[i] != '<' {
		return 0
	}
	j := i + 1
	for {
		k := j
		for k < len(src) && isPathChar(src[k]) {
			k++
		}
		if k == j {
			return 0
		}
		j = k
		if j < len(src) && src[j] == '/' {
			j++
			continue
		}
		break
	}
	if j < len(src) && src[j] == '>' {
		return j + 1 - i
	}
	return 0
}

// uriLen matches [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[a-zA-Z0-9\%\/\?\:\@\&\=\+\$\,\-\_\.\!\~\*\']+
func uriLen(src []byte, i int) int {
	c := src[i]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return 0
	}
	j := i + 1
	for j < len(src) && isURISchemeChar(src[j]) {
		j++
	}
	if j >= len(src) || src[j] != ':' {
		return 0
	}
	j++
	k := j
	for k < len(src) && isURIChar(src[k]) {
		k++
	}
	if k == j {
		return 0
	}
	return k - i
}

// inString lexes in a "..." string.
func (lx *lexer) inString() Token {
	src, i := lx.src, lx.pos
	if i >= len(src) {
		return Token{Kind: EOF, Start: len(src), End: len(src), Last: lx.last}
	}
	switch {
	case src[i] == '"':
		lx.pop()
		t := lx.tok(DQuote, i, i+1)
		t.Last = i
		return t
	case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
		lx.push(stDefault)
		t := lx.tok(DollarCurly, i, i+2)
		t.Last = i
		return t
	}
	j := i
	for j < len(src) {
		c := src[j]
		if c == '"' {
			break
		}
		if c == '\\' {
			if j+1 >= len(src) {
				break // a lone '\' at the end: Nix's lexer ends the file there
			}
			j += 2
			continue
		}
		if c == '$' {
			if j+1 >= len(src) {
				break
			}
			switch src[j+1] {
			case '{':
				goto done
			case '"':
				j++
				goto done
			case '\\':
				if j+2 >= len(src) {
					goto done
				}
				j += 3
				continue
			}
			j += 2
			continue
		}
		j++
	}
done:
	if j == i {
		// `$` or `\` right before the end of the file.
		lx.last = i
		lx.pos = len(src)
		return Token{Kind: EOF, Start: len(src), End: len(src), Last: i}
	}
	t := lx.tok(Str, i, j)
	t.Last = i
	return t
}

// inIndString lexes in a ”...” string.
func (lx *lexer) inIndString() Token {
	src, i := lx.src, lx.pos
	if i >= len(src) {
		return Token{Kind: EOF, Start: len(src), End: len(src), Last: lx.last}
	}
	at := func(j int, s string) bool { return len(src)-j >= len(s) && string(src[j:j+len(s)]) == s }
	switch {
	case at(i, "''") && !at(i, "''$") && !at(i, "'''") && !(at(i, "''\\") && i+3 < len(src)):
		lx.pop()
		t := lx.tok(IndClose, i, i+2)
		t.Last = i
		return t
	case at(i, "${"):
		lx.push(stDefault)
		t := lx.tok(DollarCurly, i, i+2)
		t.Last = i
		return t
	}
	// The fragment is one token here but several lexemes to Nix: the
	// escapes and a lone `$` or `'` are lexemes of their own, and Nix
	// reports an end of file inside the string at the last one.
	j, lexeme, inRun := i, i, false
	single := func(n int) {
		lexeme, inRun = j, false
		j += n
	}
	run := func(n int) {
		if !inRun {
			lexeme, inRun = j, true
		}
		j += n
	}
	for j < len(src) {
		switch {
		case at(j, "''$") || at(j, "'''"):
			single(3)
		case at(j, "''\\") && j+3 < len(src):
			single(4)
		case at(j, "''") || at(j, "${"):
			goto done
		case src[j] == '$' && j+1 < len(src) && src[j+1] != '\'':
			run(2) // `$$` and the like: the second `$` starts nothing
		case src[j] == '\'' && j+1 < len(src) && src[j+1] != '$':
			run(2)
		case src[j] == '$' || src[j] == '\'':
			single(1)
		default:
			run(1)
		}
	}
done:
	t := lx.tok(Str, i, j)
	t.Last = i
	lx.last = lexeme
	return t
}

// inPath lexes after a path's first part: more parts, an interpolation,
// or the end of the path.
func (lx *lexer) inPath() Token {
	src, i := lx.src, lx.pos
	slash := lx.top() == stInPathSlash
	if i+1 < len(src) && src[i] == '$' && src[i+1] == '{' {
		lx.pop()
		lx.push(stInPath)
		lx.push(stDefault)
		t := lx.tok(DollarCurly, i, i+2)
		t.Last = i
		return t
	}
	// {PATH}|{PATH_SEG}|{PATH_CHAR}+, the longest.
	n := pathLen(src, i)
	j := i
	for j < len(src) && isPathChar(src[j]) {
		j++
	}
	if j < len(src) && src[j] == '/' {
		n = max(n, j+1-i) // PATH_SEG
	}
	n = max(n, j-i)
	if n > 0 {
		lx.pop()
		if src[i+n-1] == '/' {
			lx.push(stInPathSlash)
		} else {
			lx.push(stInPath)
		}
		t := lx.tok(Str, i, i+n)
		t.Last = i
		return t
	}
	lx.pop()
	if slash {
		// Nix's lexer reads the next character, then throws.
		t := Token{Kind: LexError, Start: i, End: min(i+1, len(src)), Last: i, Msg: "path has a trailing slash"}
		if i >= len(src) {
			t.Start, t.End = len(src), len(src)
			t.Last = lx.last
		}
		lx.pos = len(src)
		return t
	}
	// Nix reports an unexpected end of path at the part before it.
	return Token{Kind: PathEnd, Start: i, End: i, Last: lx.last}
}

// FitsInt64 reports whether decimal digits fit in an int64, as Nix's
// lexer requires of an integer.
func FitsInt64(digits []byte) bool {
	const max = 1<<63 - 1
	var v uint64
	for _, d := range digits {
		x := uint64(d - '0')
		if v > (max-x)/10 {
			return false
		}
		v = v*10 + x
	}
	return true
}

// ValidFloat mirrors Nix's check of strtod's ERANGE: a float whose value
// overflows, or underflows to zero or a subnormal number, is rejected.
func ValidFloat(s string) bool {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return false
		}
		return true
	}
	if v == 0 {
		mantissa, _, _ := strings.Cut(strings.ToLower(s), "e")
		return strings.Trim(mantissa, "0.") == ""
	}
	return math.Abs(v) >= 0x1p-1022
}
