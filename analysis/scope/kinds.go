package scope

import (
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// nodeKind is a small enum of the node kinds the analysis tells apart, so
// that the walk switches on a byte rather than comparing kind strings.
type nodeKind uint8

const (
	kOther nodeKind = iota
	kAnon           // punctuation and keywords
	kError
	kIdentifier
	kAttribute
	kAttrpath
	kString
	kIndentedString
	kStringFragment
	kEscape
	kInterpolation
	kLambda
	kFormals
	kFormal
	kEllipsis
	kLet
	kLegacyLet
	kAttrset
	kRecAttrset
	kBinding
	kInherit
	kWith
	kParenthesized
	kList
	kInvalid // invalid_attribute, invalid_parameter
	kSearchPath
	kUri
	kComment
)

var kindOfSymbol = func() []nodeKind {
	names := map[string]nodeKind{
		grammar.KindError: kError, grammar.KindIdentifier: kIdentifier, grammar.KindAttribute: kAttribute,
		grammar.KindAttrpath: kAttrpath, grammar.KindString: kString, grammar.KindIndentedString: kIndentedString,
		grammar.KindStringFragment: kStringFragment, grammar.KindEscapeSequence: kEscape,
		grammar.KindInterpolation: kInterpolation, grammar.KindLambda: kLambda, grammar.KindFormals: kFormals,
		grammar.KindFormal: kFormal, grammar.KindEllipsis: kEllipsis, grammar.KindLet: kLet, grammar.KindLegacyLet: kLegacyLet,
		grammar.KindAttrset: kAttrset, grammar.KindRecAttrset: kRecAttrset, grammar.KindBinding: kBinding,
		grammar.KindInherit: kInherit, grammar.KindWith: kWith, grammar.KindParenthesized: kParenthesized, grammar.KindList: kList,
		grammar.KindInvalidAttribute: kInvalid, grammar.KindInvalidParameter: kInvalid,
		grammar.KindSearchPath: kSearchPath, grammar.KindUri: kUri, grammar.KindComment: kComment,
	}
	var table []nodeKind
	for sym := 0; sym < 0xffff; sym++ {
		name := grammar.SymbolName(uint16(sym))
		if name == "" && sym > 0 {
			break
		}
		table = append(table, names[name])
	}
	return table
}()

// Field ids of the fields the walk reads.
var (
	fBody        = grammar.FieldID(grammar.FieldBody)
	fParameter   = grammar.FieldID(grammar.FieldParameter)
	fFormals     = grammar.FieldID(grammar.FieldFormals)
	fName        = grammar.FieldID(grammar.FieldName)
	fDefault     = grammar.FieldID(grammar.FieldDefault)
	fAttrpath    = grammar.FieldID(grammar.FieldAttrpath)
	fValue       = grammar.FieldID(grammar.FieldValue)
	fSource      = grammar.FieldID(grammar.FieldSource)
	fAttribute   = grammar.FieldID(grammar.FieldAttribute)
	fEnvironment = grammar.FieldID(grammar.FieldEnvironment)
	fExpression  = grammar.FieldID(grammar.FieldExpression)
)

func (a *analyzer) kind(n NodeID) nodeKind {
	fn := &a.nodes[n]
	if fn.Symbol == 0xffff {
		return kError
	}
	if fn.Flags&grammar.FlagNamed == 0 {
		return kAnon
	}
	if int(fn.Symbol) < len(kindOfSymbol) {
		return kindOfSymbol[fn.Symbol]
	}
	return kOther
}

// child is the first child of n filling field f.
func (a *analyzer) child(n NodeID, f uint16) NodeID {
	for c := a.first(n); c != syntax.NoNode; c = a.nodes[c].Next {
		if a.nodes[c].Field == f {
			return c
		}
	}
	return syntax.NoNode
}

func (a *analyzer) first(n NodeID) NodeID {
	if c := n + 1; int(c) < len(a.nodes) && a.nodes[c].Parent == n {
		return c
	}
	return syntax.NoNode
}

func (a *analyzer) next(n NodeID) NodeID { return a.nodes[n].Next }

func (a *analyzer) missing(n NodeID) bool { return a.nodes[n].Flags&grammar.FlagMissing != 0 }

func (a *analyzer) hasError(n NodeID) bool { return a.nodes[n].Flags&grammar.FlagHasError != 0 }

func (a *analyzer) start(n NodeID) int { return int(a.nodes[n].Start) }

func (a *analyzer) end(n NodeID) int { return int(a.nodes[n].End) }

// unparen strips parentheses: Nix's parser drops them, so `({ })` is an
// attribute-set literal for merging, and `${("a")}` a static name.
func (a *analyzer) unparen(n NodeID) NodeID {
	for n != syntax.NoNode && a.kind(n) == kParenthesized {
		n = a.child(n, fExpression)
	}
	return n
}
