// Package unit is an analysed file as the editing features see it (its
// tree, names, flake model and lock), and the questions they all ask about
// an offset in it: which attribute path of the flake it is in, whether it
// is a name or a string, which input it names.
package unit

import (
	"strings"
	"sync"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Unit is one analysed document. Fields that do not apply are nil: Flake
// for files other than flake.nix, Scope when the file was too large.
type Unit struct {
	Path  string
	Src   []byte
	View  *syntax.View
	Scope *scope.Result
	Flake *flake.Flake
	// The flake's lock (or, for a flake.lock document, the document).
	Lock     *lockfile.LockFile
	LockPath string
	LockSrc  []byte
	// Sources finds the flakes the lock's inputs are, on this disk (nil:
	// none are looked up).
	Sources Sources
	// Env is what the inputs' sources tell about this file's code (nil:
	// nothing is known).
	Env *Env

	memoMu sync.Mutex
	memo   map[any]any
}

// Memo returns the value cached under key, computing it with f the first
// time: for what the features derive from the whole unit (which does not
// change once analysed) and would otherwise recompute per request. Safe
// for concurrent use; f must not call Memo.
func (u *Unit) Memo(key any, f func() any) any {
	u.memoMu.Lock()
	defer u.memoMu.Unlock()
	if v, ok := u.memo[key]; ok {
		return v
	}
	if u.memo == nil {
		u.memo = map[any]any{}
	}
	v := f()
	u.memo[key] = v
	return v
}

// IsFlake reports whether the unit is a flake.nix with its model.
func (u *Unit) IsFlake() bool { return u.Flake != nil && u.View != nil }

// Segment is one attribute name in an attribute path, where it is written.
type Segment struct {
	Name       string
	Start, End int
	Node       syntax.NodeID
	Static     bool // a plain or quoted name (not ${...})
}

// Frame is one binding enclosing the offset: its attribute path and the
// node holding the binding (an attrset, rec set, let or legacy let).
type Frame struct {
	Binding syntax.NodeID
	Path    []Segment
	Holder  syntax.NodeID
}

// Place says where an offset is, structurally.
type Place struct {
	Offset int
	Node   syntax.NodeID // innermost node at the offset (syntax.View.At)
	// Frames are the bindings enclosing the offset, innermost first (all
	// of them, up to the top of the file).
	Frames []Frame
	// InKey: the offset is on the attrpath of Frames[0] (a name being
	// typed or read); KeyIndex is the segment it is on.
	InKey    bool
	KeyIndex int
	// KeyGap: the offset is not on segment KeyIndex but in the space
	// before it (`packages.|` followed by a newline and the next line's
	// name, which the parser joins to the path): a new name is typed at
	// the offset.
	KeyGap bool
	// InSetBody: the offset is directly in a set (or let) between its
	// bindings, where a new name would go; Set is that node. Then Frames
	// are the bindings around the set.
	InSetBody bool
	Set       syntax.NodeID
	// String is the innermost string literal holding the offset (NoNode
	// if none); StringStart/End bound its content (inside the quotes).
	String                 syntax.NodeID
	StringStart, StringEnd int
}

// At describes the offset in the unit's tree.
func (u *Unit) At(offset int) *Place {
	v := u.View
	p := &Place{Offset: offset, String: syntax.NoNode, Set: syntax.NoNode, Node: syntax.NoNode}
	if v == nil || v.Root() == syntax.NoNode {
		return p
	}
	n := v.At(offset)
	p.Node = n
	for m := n; m != syntax.NoNode; m = v.Parent(m) {
		if v.Is(m, grammar.KindInterpolation) {
			break // code inside ${ }: not in the string
		}
		k := v.Kind(m)
		if (k == grammar.KindString || k == grammar.KindIndentedString) && v.IsNamed(m) {
			quote := `"`
			if k == grammar.KindIndentedString {
				quote = "''"
			}
			start, end := v.Start(m)+len(quote), v.End(m)
			if text := v.Text(m); len(text) >= 2*len(quote) && strings.HasSuffix(text, quote) {
				end -= len(quote)
			}
			if offset >= start && offset <= end {
				p.String, p.StringStart, p.StringEnd = m, start, end
			}
			break
		}
	}
	first := true          // no binding or set met yet
	loose := syntax.NoNode // an attrpath error recovery left without its binding
	for m := n; m != syntax.NoNode; m = v.Parent(m) {
		switch {
		case first && v.Is(m, grammar.KindAttrpath) && !v.Is(v.Parent(m), grammar.KindBinding):
			loose = m
		case first && loose != syntax.NoNode && (isSet(v, m) || v.Is(m, grammar.KindLet)):
			// `{ a.b| }`: treat the path as the key of a binding being typed.
			f := Frame{Binding: v.Parent(loose), Path: u.segments(loose), Holder: m}
			p.InKey = true
			p.KeyIndex, p.KeyGap = keyIndex(f.Path, offset)
			p.Frames = append(p.Frames, f)
			first = false
		case v.Is(m, grammar.KindBinding):
			ap := v.Child(m, grammar.FieldAttrpath)
			f := Frame{Binding: m, Path: u.segments(ap), Holder: v.Parent(m)}
			if first && ap != syntax.NoNode && offset >= v.Start(ap) && offset <= v.End(ap) {
				p.InKey = true
				p.KeyIndex, p.KeyGap = keyIndex(f.Path, offset)
			}
			p.Frames = append(p.Frames, f)
			first = false
		case first && (isSet(v, m) || v.Is(m, grammar.KindLet) || v.Is(m, grammar.KindLegacyLet)):
			if v.Is(m, grammar.KindLet) {
				// Only between `let` and `in`.
				if body := v.Child(m, grammar.FieldBody); body != syntax.NoNode && offset >= v.Start(body) {
					first = false
					continue
				}
			}
			p.InSetBody, p.Set = true, m
			first = false
		case first && !v.Is(m, grammar.KindError) && !v.Is(m, grammar.KindIdentifier) && !v.Is(m, grammar.KindAttrpath) && !v.Is(m, grammar.KindAttribute) && m != n:
			first = false // inside some other expression
		}
	}
	return p
}

// keyIndex is the segment of path the offset is on (or just after), and
// whether the offset is rather in the space before it.
func keyIndex(path []Segment, offset int) (int, bool) {
	for i, s := range path {
		if offset <= s.End {
			return i, offset < s.Start && i > 0 && offset > path[i-1].End
		}
	}
	return len(path), false
}

// Container is the set or let holding the offset's binding (or, in a set
// body, that set).
func (p *Place) Container() syntax.NodeID {
	if p.InSetBody {
		return p.Set
	}
	if len(p.Frames) > 0 {
		return p.Frames[0].Holder
	}
	return syntax.NoNode
}

// SetPath is the attribute path of the set holding the offset, counted
// from a set that is not itself the value of a binding (the file's top
// set, the set a function returns, ...), together with that outermost
// set. It follows bindings whose values are set literals (also in
// parentheses), so `inputs = { nixpkgs = { url = |` gives
// ["inputs", "nixpkgs"] and the top-level set. ok is false when a
// segment is dynamic.
func (u *Unit) SetPath(p *Place) (names []string, root syntax.NodeID, ok bool) {
	v := u.View
	set := p.Container()
	frames := p.Frames
	if !p.InSetBody && len(frames) > 0 {
		frames = frames[1:]
	}
	ok = true
	var rev [][]Segment
	for set != syntax.NoNode && isSet(v, set) {
		root = set
		up := v.Parent(set)
		for up != syntax.NoNode && (v.Is(up, grammar.KindParenthesized) || isUpdate(v, up)) {
			up = v.Parent(up)
		}
		if up == syntax.NoNode || !v.Is(up, grammar.KindBinding) || len(frames) == 0 || frames[0].Binding != up || !isSet(v, frames[0].Holder) {
			break
		}
		rev = append(rev, frames[0].Path)
		set = frames[0].Holder
		frames = frames[1:]
	}
	for i := len(rev) - 1; i >= 0; i-- {
		for _, s := range rev[i] {
			if !s.Static {
				ok = false
			}
			names = append(names, s.Name)
		}
	}
	if root == syntax.NoNode {
		ok = false
	}
	return names, root, ok
}

// KeyPath is the attribute path up to and including the segment under the
// cursor when InKey (["inputs", "nixpkgs", "url"] for the cursor on url).
func (u *Unit) KeyPath(p *Place) ([]string, syntax.NodeID, bool) {
	names, root, ok := u.SetPath(p)
	if !p.InKey || len(p.Frames) == 0 {
		return names, root, ok
	}
	for i, s := range p.Frames[0].Path {
		if i > p.KeyIndex {
			break
		}
		if !s.Static {
			ok = false
		}
		names = append(names, s.Name)
	}
	return names, root, ok
}

// ValuePath is the attribute path of the binding whose value holds the
// offset (["inputs", "nixpkgs", "url"] in the url string).
func (u *Unit) ValuePath(p *Place) ([]string, syntax.NodeID, bool) {
	names, root, ok := u.SetPath(p)
	if p.InSetBody || p.InKey || len(p.Frames) == 0 {
		return nil, root, false
	}
	for _, s := range p.Frames[0].Path {
		if !s.Static {
			ok = false
		}
		names = append(names, s.Name)
	}
	return names, root, ok
}

// DepPath reads the input path an attribute path under `inputs` names
// when it overrides a dependency's input: ["inputs", "a", "inputs", "b"]
// is a/b (ok is false for anything else, a top-level input included).
func DepPath(names []string) ([]string, bool) {
	if len(names) < 4 || len(names)%2 != 0 || names[0] != "inputs" {
		return nil, false
	}
	var dep []string
	for i := 1; i < len(names); i += 2 {
		if i > 1 && names[i-1] != "inputs" {
			return nil, false
		}
		dep = append(dep, names[i])
	}
	return dep, true
}

// TopSet is the flake's top-level attribute set.
func (u *Unit) TopSet() syntax.NodeID {
	v := u.View
	if v == nil || v.Root() == syntax.NoNode {
		return syntax.NoNode
	}
	e := v.Child(v.Root(), grammar.FieldExpression)
	for e != syntax.NoNode && v.Is(e, grammar.KindParenthesized) {
		e = v.Child(e, grammar.FieldExpression)
	}
	if isSet(v, e) {
		return e
	}
	return syntax.NoNode
}

// isUpdate reports a `//` expression.
func isUpdate(v *syntax.View, n syntax.NodeID) bool {
	return v.Is(n, grammar.KindBinary) && v.Text(v.Child(n, grammar.FieldOperator)) == "//"
}

func isSet(v *syntax.View, n syntax.NodeID) bool {
	return v.Is(n, grammar.KindAttrset) || v.Is(n, grammar.KindRecAttrset)
}

// segments reads an attrpath's names.
func (u *Unit) segments(ap syntax.NodeID) []Segment {
	v := u.View
	if ap == syntax.NoNode {
		return nil
	}
	var out []Segment
	for c := v.FirstChild(ap); c != syntax.NoNode; c = v.Next(c) {
		if !v.IsNamed(c) || v.IsExtra(c) {
			continue
		}
		name, static := StaticName(v, c)
		out = append(out, Segment{Name: name, Start: v.Start(c), End: v.End(c), Node: c, Static: static})
	}
	return out
}

// StaticName is the name an attribute (plain, or a string without
// interpolation) spells; static is false for ${...} and interpolated
// strings.
func StaticName(v *syntax.View, n syntax.NodeID) (string, bool) {
	switch v.Kind(n) {
	case grammar.KindAttribute, grammar.KindIdentifier:
		return v.Text(n), true
	case grammar.KindString:
		s, ok := StringValue(v, n)
		return s, ok
	}
	return v.Text(n), false
}

// StringValue is the value of a string literal without interpolations
// (escapes decoded); ok is false for interpolated strings.
func StringValue(v *syntax.View, n syntax.NodeID) (string, bool) {
	var b strings.Builder
	for c := v.FirstChild(n); c != syntax.NoNode; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindInterpolation:
			return "", false
		case grammar.KindEscapeSequence:
			t := v.Text(c)
			switch {
			case t == `\n`:
				b.WriteByte('\n')
			case t == `\t`:
				b.WriteByte('\t')
			case t == `\r`:
				b.WriteByte('\r')
			case strings.HasPrefix(t, `\`) && len(t) > 1:
				b.WriteString(t[1:])
			case strings.HasPrefix(t, "''") && len(t) > 2:
				b.WriteString(t[2:])
			default:
				b.WriteString(t)
			}
		default:
			if v.IsNamed(c) && !v.IsExtra(c) {
				b.WriteString(v.Text(c))
			}
		}
	}
	return b.String(), true
}
