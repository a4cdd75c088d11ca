package nixparse

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Error is one syntax error. Start and End are byte offsets of what to
// underline (End may equal Start: a place between two tokens); NixOffset
// is where Nix reports its error, for the first one.
type Error struct {
	Start, End int
	NixOffset  int
	Message    string
	Related    []Related
}

// Related is another place that explains an error.
type Related struct {
	Start, End int
	Message    string
}

// Result is what Check found.
type Result struct {
	// Errors in text order; empty when the text is valid Nix (or nests too
	// deeply to follow).
	Errors []Error
	// Repaired is the text with every error repaired by edits that keep
	// each byte offset (a missing ';' written over a space, a stray token
	// blanked out), so that analyses of it apply to the text as it is;
	// nil when some error could not be repaired that way.
	Repaired []byte
	// Deep is set when the text nests too deeply to be followed.
	Deep bool
}

const (
	maxErrors = 3
	// window is how many tokens past the error a repair must let the parse
	// go to count as a repair.
	window = 12
	// Above this many tokens only the first error is located: a repair
	// costs a parse of the text per candidate.
	maxRepairTokens = 60000
	// independent is how many tokens after an error the next must be to
	// be reported as a mistake of its own.
	independent = 40
)

// repair is one edit of the token stream at token index at.
type repair struct {
	at     int
	insert Kind // EOF: none
	delete bool // the token at `at`
	cost   float64
}

// insertable are the tokens a repair may insert, and what may replace a
// token.
var insertable = []Kind{Semi, RBrace, RBracket, RParen, Assign, In, Then, Else, Colon, Comma, ID}

// MaxSize is the largest text Check reads; larger ones are left to the
// tree's errors (their tokens would take hundreds of megabytes).
const MaxSize = 8 << 20

// FirstError is the byte offset where Nix reports the first syntax error
// of src (no repairs tried); false when there is none, or src is too
// large or nested too deeply to tell.
func FirstError(src []byte) (int, bool) {
	if len(src) > MaxSize {
		return 0, false
	}
	toks := Lex(src)
	out := parse(toks, -1)
	if out.err < 0 || out.deep {
		return 0, false
	}
	t := toks[out.err]
	if t.Kind == EOF || t.Kind == PathEnd || t.Start >= len(src) {
		return max(t.Last, 0), true
	}
	return t.Start, true
}

// Check lexes and parses src as Nix and locates its syntax errors.
func Check(src []byte) Result {
	if len(src) > MaxSize {
		return Result{}
	}
	toks := Lex(src)
	var res Result
	var deletions [][2]int
	repairable := true
	lo, lastErr := 0, 0
	for len(res.Errors) < maxErrors {
		out := parse(toks, -1)
		if out.deep {
			res.Deep = true
			if len(res.Errors) == 0 {
				return res
			}
			repairable = false
			break
		}
		if out.err < 0 {
			break
		}
		if len(res.Errors) > 0 && out.err < lastErr+independent {
			// Too close to the previous error to be another mistake: a
			// repair that only half fits. Nix reports one error; so do we.
			repairable = false
			break
		}
		lastErr = out.err
		var best *repair
		if len(toks) <= maxRepairTokens && toks[out.err].Kind != LexError {
			best = findRepair(src, toks, out, lo)
		}
		res.Errors = append(res.Errors, describe(src, toks, out, best))
		if best == nil {
			repairable = false
			break
		}
		switch {
		case best.delete && best.insert != EOF:
			toks = replaced(toks, best.at, best.insert)
			lo = best.at + 1
		case best.delete:
			if !toks[best.at].synthetic() {
				deletions = append(deletions, [2]int{toks[best.at].Start, toks[best.at].End})
			}
			toks = deleted(toks, best.at)
			lo = best.at
		default:
			toks = inserted(toks, best.at, best.insert)
			lo = best.at + 1
		}
	}
	if len(res.Errors) == 0 || !repairable {
		return res
	}
	if out := parse(toks, -1); out.err >= 0 || out.deep {
		return res
	}
	// Write the repairs into a copy of the text without moving a byte.
	fixed := append([]byte(nil), src...)
	blank := func(a, b int) {
		for i := a; i < b; i++ {
			if fixed[i] != '\n' && fixed[i] != '\r' {
				fixed[i] = ' '
			}
		}
	}
	for _, d := range deletions {
		blank(d[0], d[1])
	}
	lastEnd := 0
	for _, t := range toks {
		switch {
		case !t.synthetic():
			lastEnd = t.End
			continue
		case t.Msg == "replaced":
			blank(t.Start, t.End)
			if s := text[t.Kind]; !isIDStart(s[0]) && len(s) <= t.End-t.Start {
				// Punctuation for punctuation (`,` for `;`): in its place.
				copy(fixed[t.Start:], s)
			} else if !place(fixed, t.Start, t.End, s) {
				return res
			}
			lastEnd = t.End
		default:
			if !place(fixed, lastEnd, t.Start, text[t.Kind]) {
				return res
			}
		}
	}
	// The text must lex and parse as the repaired tokens did.
	if out := parse(Lex(fixed), -1); out.err >= 0 || out.deep {
		return res
	}
	res.Repaired = fixed
	return res
}

func (t Token) synthetic() bool { return t.Last < 0 }

// place writes s over whitespace between start and end (outside
// comments), with whitespace on both sides so that it lexes as itself
// (`f:if` would be a URI).
func place(b []byte, start, end int, s string) bool {
	blank := func(i int) bool {
		return i < 0 || i >= len(b) || b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'
	}
	for i := start; i < end; {
		switch {
		case b[i] == '#':
			for i < end && b[i] != '\n' {
				i++
			}
			continue
		case b[i] == '/' && i+1 < end && b[i+1] == '*':
			e := blockCommentEnd(b[:end], i)
			if e == 0 {
				return false
			}
			i = e
			continue
		case b[i] == ' ' || b[i] == '\t':
			j := i
			for j < end && (b[j] == ' ' || b[j] == '\t') {
				j++
			}
			for p := i; p+len(s) <= j; p++ {
				if blank(p-1) && blank(p+len(s)) {
					copy(b[p:], s)
					return true
				}
			}
			i = j
			continue
		}
		i++
	}
	return false
}

func inserted(toks []Token, at int, k Kind) []Token {
	out := make([]Token, 0, len(toks)+1)
	out = append(out, toks[:at]...)
	out = append(out, Token{Kind: k, Start: toks[at].Start, End: toks[at].Start, Last: -1, Msg: "inserted"})
	return append(out, toks[at:]...)
}

func deleted(toks []Token, at int) []Token {
	out := make([]Token, 0, len(toks))
	out = append(out, toks[:at]...)
	return append(out, toks[at+1:]...)
}

func replaced(toks []Token, at int, k Kind) []Token {
	out := append([]Token(nil), toks...)
	out[at] = Token{Kind: k, Start: toks[at].Start, End: toks[at].End, Last: -1, Msg: "replaced"}
	return out
}

// findRepair tries single-token edits near the error at out.err, no
// earlier than token lo, and returns the one that lets the parse go
// furthest, the cheapest among those; nil when none gets past the error.
func findRepair(src []byte, toks []Token, out outcome, lo int) *repair {
	e := out.err
	type candidate struct {
		r     repair
		ed    edit
		shift int
	}
	var cands []candidate
	firstOnLine := e
	for firstOnLine > lo && firstOnLine > 0 && !newlineBetween(src, toks, firstOnLine-1, firstOnLine) {
		firstOnLine--
	}
	for j := e; j >= lo && j >= 0; j-- {
		if j < e-6 && j != firstOnLine {
			if firstOnLine >= j || firstOnLine < lo {
				break
			}
			j = firstOnLine + 1
			continue
		}
		for _, k := range insertable {
			switch {
			case j == e && k == ID && out.expected&exprStart == 0,
				j == e && k != ID && out.expected != 0 && !out.expected.has(k),
				j < e && k == ID:
				continue
			}
			cands = append(cands, candidate{repair{at: j, insert: k, cost: insertCost(src, toks, j, e, k)}, edit{op: opInsert, at: j, kind: k}, 1})
		}
	}
	if k := toks[e].Kind; k != EOF && deletable(k) {
		cands = append(cands, candidate{repair{at: e, insert: EOF, delete: true, cost: 3}, edit{op: opDelete, at: e}, -1})
		for _, r := range insertable {
			if r != k && (out.expected == 0 || out.expected.has(r)) {
				cands = append(cands, candidate{repair{at: e, insert: r, delete: true, cost: 3.5}, edit{op: opReplace, at: e, kind: r}, 0})
			}
		}
	}
	// Cheapest first: the first that lets the parse reach the end of its
	// window is the answer (a tie on progress goes to the cheaper).
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].r.cost < cands[b].r.cost })
	var best *repair
	bestProgress := e
	full := len(toks) + window
	for _, c := range cands {
		stop := e + c.shift + window
		if stop >= len(toks)+c.shift-1 {
			stop = -1 // to the end: the end of file must parse too
		}
		o := parseEdited(toks, c.ed, stop)
		progress := full
		switch {
		case o.deep:
			continue
		case o.err >= 0:
			progress = o.err - c.shift
		}
		if progress < e+2 {
			continue // the token after the error must fit too
		}
		if progress > bestProgress {
			r := c.r
			best, bestProgress = &r, progress
			if progress == full {
				break
			}
		}
	}
	return best
}

func deletable(k Kind) bool {
	switch k {
	case DQuote, IndOpen, IndClose, Str, PathStart, PathEnd, DollarCurly, LexError:
		return false
	}
	return true
}

// near: offsets a and b are at most one line apart.
func near(src []byte, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return strings.Count(string(src[min(a, len(src)):min(b, len(src))]), "\n") <= 1
}

func newlineBetween(src []byte, toks []Token, a, b int) bool {
	from, to := toks[a].End, toks[b].Start
	return from < to && to <= len(src) && strings.IndexByte(string(src[from:to]), '\n') >= 0
}

func insertCost(src []byte, toks []Token, j, e int, k Kind) float64 {
	c := 1.0
	if j < e {
		c = 2 + float64(e-j)*0.1
	}
	if k == Semi && j > 0 && newlineBetween(src, toks, j-1, j) {
		// A missing ';' at the end of a line is the commonest mistake.
		c -= 1.5
	}
	if k == ID {
		c += 0.5
	}
	return c
}

// describe writes the message for the error at out.err, given the repair
// found for it.
func describe(src []byte, toks []Token, out outcome, r *repair) Error {
	t := toks[out.err]
	nixAt := t.Start
	if t.Kind == EOF || t.Kind == PathEnd || t.Start >= len(src) {
		nixAt = max(t.Last, 0)
	}
	e := Error{Start: t.Start, End: t.End, NixOffset: nixAt}
	if t.synthetic() {
		e.End = e.Start
	}
	if t.Kind == EOF || t.Kind == PathEnd {
		e.Start, e.End = nixAt, nixAt
	}
	unexpected := "unexpected " + tokenText(src, t)
	switch {
	case t.Kind == LexError:
		e.Message = t.Msg
		if t.Msg == "path has a trailing slash" {
			// Underline the path, not the character after it.
			for i := out.err - 1; i >= 0; i-- {
				if toks[i].Kind == PathStart {
					e.Start, e.End = toks[i].Start, t.Start
					break
				}
			}
		}
		return e
	case t.Kind == Invalid && t.Start == 0 && strings.HasPrefix(string(src), "\uFEFF"):
		e.End = 3
		e.Message = "unexpected byte-order mark: Nix files must not start with one"
		return e
	}
	if r == nil {
		e.Message = unexpected
		if n := len(out.opens); t.Kind == EOF && n > 0 && (toks[out.opens[n-1]].Kind == DQuote || toks[out.opens[n-1]].Kind == IndOpen) {
			// The end of the file inside a string: say which one.
			o := toks[out.opens[n-1]]
			closer, width := `'"'`, 1
			if o.Kind == IndOpen {
				closer, width = "''", 2
			}
			line, col := lineCol(src, o.Start)
			e.Message += fmt.Sprintf(", expected %s (the string at %d:%d is not closed)", closer, line, col)
			e.Related = append(e.Related, Related{Start: o.Start, End: o.Start + width, Message: "the string that is not closed"})
			return e
		}
		if exp := nameSet(out.expected); exp != "" {
			e.Message += ", expected " + exp
		}
		addOpener(src, toks, out, &e, EOF)
		return e
	}
	switch {
	case r.delete && r.insert == EOF:
		e.Message = unexpected
	case r.delete && r.insert == ID:
		e.Message = unexpected + ", expected an expression"
	case r.delete:
		e.Message = unexpected + ", expected " + r.insert.String()
	case r.insert == RBrace || r.insert == RBracket || r.insert == RParen:
		e.Message = "expected " + r.insert.String()
		if t.Kind == EOF {
			e.Message = "unexpected end of file, expected " + r.insert.String()
		}
		addOpener(src, toks, out, &e, r.insert)
	case r.insert == Semi || r.insert == Comma:
		// Right after the token it should follow, when the repair is near
		// where Nix stops; otherwise it is only a guess.
		if r.at > 0 && near(src, toks[r.at].Start, nixAt) {
			prev := toks[r.at-1]
			e.Start, e.End = prev.End, prev.End
			e.Message = "expected " + r.insert.String()
		} else {
			e.Message = unexpected + ", expected " + r.insert.String()
		}
	default:
		at := toks[r.at]
		if r.at < out.err && near(src, at.Start, nixAt) {
			e.Start, e.End = at.Start, at.End
		}
		if r.insert == ID {
			e.Message = "expected an expression"
			if r.at == out.err && t.Kind != EOF {
				e.Message = unexpected + ", expected an expression"
			}
		} else {
			e.Message = "expected " + r.insert.String()
		}
	}
	return e
}

// addOpener names the opener left open, for a missing closer (any closer
// when want is EOF), as related information: the innermost one whose
// lines show, by their indentation, that it lost its closer, else the
// innermost.
func addOpener(src []byte, toks []Token, out outcome, e *Error, want Kind) {
	name := func(o Token) (string, int, int) {
		line, col := lineCol(src, o.Start)
		return tokenText(src, o), line, col
	}
	say := func(o Token, lost bool) {
		n, line, col := name(o)
		if lost {
			e.Message += fmt.Sprintf(" (this %s at %d:%d seems to be unclosed)", n, line, col)
			e.Related = append(e.Related, Related{Start: o.Start, End: o.End, Message: fmt.Sprintf("this %s seems to be unclosed", n)})
			return
		}
		e.Message += fmt.Sprintf(" (to close the %s at %d:%d)", n, line, col)
		e.Related = append(e.Related, Related{Start: o.Start, End: o.End, Message: fmt.Sprintf("the %s that is not closed", n)})
	}
	// An opener closed by a closer indented less than its own line: the
	// closer belongs further out, and this opener lost its own.
	if o, ok := closedOutOfPlace(src, toks, out.err, want); ok {
		say(toks[o], true)
		return
	}
	var cands []int
	for i := len(out.opens) - 1; i >= 0; i-- {
		o := toks[out.opens[i]]
		if want == EOF || closerOf(o.Kind) == want {
			cands = append(cands, out.opens[i])
		}
	}
	if len(cands) == 0 {
		return
	}
	for _, c := range cands {
		if lostByIndent(src, toks[c].Start, e.NixOffset) {
			say(toks[c], true)
			return
		}
	}
	if want != EOF || toks[out.err].Kind == EOF {
		say(toks[cands[0]], false)
	}
}

// closedOutOfPlace finds, before token upTo, the first bracket whose
// closer starts a line indented less than the bracket's own line.
func closedOutOfPlace(src []byte, toks []Token, upTo int, want Kind) (int, bool) {
	var stack []int
	for i := 0; i < upTo && i < len(toks); i++ {
		t := toks[i]
		if t.synthetic() {
			continue
		}
		switch t.Kind {
		case LBrace, DollarCurly, LBracket, LParen:
			stack = append(stack, i)
		case RBrace, RBracket, RParen:
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if (want == EOF || want == closerOf(toks[o].Kind)) && startsLine(src, t.Start) && indentAt(src, t.Start) < indentAt(src, toks[o].Start) {
				return o, true
			}
		}
	}
	return 0, false
}

// startsLine: only blanks before offset on its line.
func startsLine(src []byte, off int) bool {
	for i := off - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// indentAt is the indentation of the line holding offset.
func indentAt(src []byte, off int) int {
	i := off
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	n := 0
	for i+n < len(src) && (src[i+n] == ' ' || src[i+n] == '\t') {
		n++
	}
	return n
}

func closerOf(k Kind) Kind {
	switch k {
	case LBrace, DollarCurly:
		return RBrace
	case LBracket:
		return RBracket
	case LParen:
		return RParen
	case DQuote:
		return DQuote
	case IndOpen:
		return IndClose
	}
	return EOF
}

// lostByIndent: a line after the opener's, before the error's, that is
// indented no more than the opener's line and does not start with a
// closer, is outside the opener by its indentation: its closer is missing.
func lostByIndent(src []byte, opener, errAt int) bool {
	lineStart := func(i int) int {
		for i > 0 && src[i-1] != '\n' {
			i--
		}
		return i
	}
	indent := func(i int) int {
		n := 0
		for i+n < len(src) && (src[i+n] == ' ' || src[i+n] == '\t') {
			n++
		}
		return n
	}
	base := indent(lineStart(opener))
	i := opener
	for i < len(src) && src[i] != '\n' {
		i++
	}
	for i++; i < len(src) && i <= errAt; {
		n := indent(i)
		c := byte('\n')
		if i+n < len(src) {
			c = src[i+n]
		}
		if c != '\n' && c != '\r' && c != '#' && n <= base && c != '}' && c != ']' && c != ')' && !strings.HasPrefix(string(src[i+n:min(i+n+4, len(src))]), "in") {
			return true
		}
		for i < len(src) && src[i] != '\n' {
			i++
		}
		i++
	}
	return false
}

func lineCol(src []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(src[start:min(off, len(src))]) + 1
}

// tokenText shows a token in a message.
func tokenText(src []byte, t Token) string {
	switch t.Kind {
	case EOF:
		return "end of file"
	case Str:
		return "string"
	case PathEnd:
		return "end of path"
	}
	if t.synthetic() {
		return t.Kind.String()
	}
	s := string(src[t.Start:t.End])
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 24 {
		s = string(r[:24]) + "…"
	}
	switch t.Kind {
	case Invalid:
		return fmt.Sprintf("character %q", s)
	case If, Then, Else, Assert, With, Let, In, Rec, Inherit, OrKw:
		return "keyword '" + s + "'"
	}
	return "'" + s + "'"
}

// nameSet names what was expected, in words a user knows, or "" when it
// is too much to say.
func nameSet(s set) string {
	if s == 0 {
		return ""
	}
	var parts []string
	if s&exprStart == exprStart || s&selectStart == selectStart {
		parts = append(parts, "an expression")
		s &^= exprStart
	}
	if s&attrStart == attrStart {
		parts = append(parts, "an attribute name")
		s &^= attrStart
	}
	if len(parts) > 0 && s != 0 {
		return "" // an expression or an operator, ...: too much to say
	}
	for k := Kind(0); k < numKinds; k++ {
		if s.has(k) {
			parts = append(parts, k.String())
		}
	}
	if len(parts) == 0 || len(parts) > 4 {
		return ""
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
