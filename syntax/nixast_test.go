package syntax

import (
	"fmt"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
)

// nixAST renders our tree the way Nix 2.8's `nix-instantiate --parse`
// prints its AST, for the constructs of nixgen's structural mode. Comparing
// the two strings checks precedence and associativity against Nix itself.
func nixAST(n *sitter.Node, src []byte) (string, error) {
	e, err := toNix(n, src)
	if err != nil {
		return "", err
	}
	return e.String(), nil
}

// nixExpr is a printed expression; calls are kept apart because Nix merges
// `(f a) b` into one call `(f a b)`.
type nixExpr struct {
	text string
	fn   *nixExpr
	args []nixExpr
}

func (e nixExpr) String() string {
	if e.fn == nil {
		return e.text
	}
	parts := []string{e.fn.String()}
	for _, a := range e.args {
		parts = append(parts, a.String())
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func atom(format string, args ...any) nixExpr { return nixExpr{text: fmt.Sprintf(format, args...)} }

func call(fn string, args ...nixExpr) nixExpr {
	f := atom("%s", fn)
	return nixExpr{fn: &f, args: args}
}

func toNix(n *sitter.Node, src []byte) (nixExpr, error) {
	field := func(name string) (nixExpr, error) {
		c := n.ChildByFieldName(name)
		if c == nil {
			return nixExpr{}, fmt.Errorf("%s without %s", n.Type(), name)
		}
		return toNix(c, src)
	}
	switch n.Type() {
	case grammar.KindSourceFile, grammar.KindParenthesized:
		return field(grammar.FieldExpression)
	case grammar.KindIdentifier:
		return atom("%s", n.Content(src)), nil
	case grammar.KindInteger:
		v, err := strconv.ParseInt(n.Content(src), 10, 64)
		if err != nil {
			return nixExpr{}, err
		}
		return atom("%d", v), nil
	case grammar.KindList:
		var b strings.Builder
		b.WriteString("[ ")
		for i := 0; i < int(n.NamedChildCount()); i++ {
			el, err := toNix(n.NamedChild(i), src)
			if err != nil {
				return nixExpr{}, err
			}
			fmt.Fprintf(&b, "(%s) ", el)
		}
		b.WriteString("]")
		return atom("%s", b.String()), nil
	case grammar.KindLambda:
		p := n.ChildByFieldName(grammar.FieldParameter)
		if p == nil || n.ChildByFieldName(grammar.FieldFormals) != nil {
			return nixExpr{}, fmt.Errorf("only simple lambdas are rendered")
		}
		body, err := field(grammar.FieldBody)
		if err != nil {
			return nixExpr{}, err
		}
		return atom("(%s: %s)", p.Content(src), body), nil
	case grammar.KindLet:
		var b strings.Builder
		b.WriteString("(let ")
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			if c.Type() != grammar.KindBinding {
				continue
			}
			v, err := toNix(c.ChildByFieldName(grammar.FieldValue), src)
			if err != nil {
				return nixExpr{}, err
			}
			fmt.Fprintf(&b, "%s = %s; ", c.ChildByFieldName(grammar.FieldAttrpath).Content(src), v)
		}
		body, err := field(grammar.FieldBody)
		if err != nil {
			return nixExpr{}, err
		}
		fmt.Fprintf(&b, "in %s)", body)
		return atom("%s", b.String()), nil
	case grammar.KindWith:
		env, err := field(grammar.FieldEnvironment)
		if err != nil {
			return nixExpr{}, err
		}
		body, err := field(grammar.FieldBody)
		if err != nil {
			return nixExpr{}, err
		}
		return atom("(with %s; %s)", env, body), nil
	case grammar.KindAssert:
		c, err := field(grammar.FieldCondition)
		if err != nil {
			return nixExpr{}, err
		}
		body, err := field(grammar.FieldBody)
		if err != nil {
			return nixExpr{}, err
		}
		return atom("assert %s; %s", c, body), nil
	case grammar.KindIf:
		c, err1 := field(grammar.FieldCondition)
		t, err2 := field(grammar.FieldConsequence)
		e, err3 := field(grammar.FieldAlternative)
		if err := firstErr(err1, err2, err3); err != nil {
			return nixExpr{}, err
		}
		return atom("(if %s then %s else %s)", c, t, e), nil
	case grammar.KindUnary:
		x, err := field(grammar.FieldOperand)
		if err != nil {
			return nixExpr{}, err
		}
		if n.ChildByFieldName(grammar.FieldOperator).Type() == "!" {
			return atom("(! %s)", x), nil
		}
		return call("__sub", atom("0"), x), nil
	case grammar.KindBinary:
		l, err1 := field(grammar.FieldLeft)
		r, err2 := field(grammar.FieldRight)
		if err := firstErr(err1, err2); err != nil {
			return nixExpr{}, err
		}
		switch op := n.ChildByFieldName(grammar.FieldOperator).Type(); op {
		case "-":
			return call("__sub", l, r), nil
		case "*":
			return call("__mul", l, r), nil
		case "/":
			return call("__div", l, r), nil
		case "<":
			return call("__lessThan", l, r), nil
		case ">":
			return call("__lessThan", r, l), nil
		case "<=":
			return atom("(! %s)", call("__lessThan", r, l)), nil
		case ">=":
			return atom("(! %s)", call("__lessThan", l, r)), nil
		default:
			return atom("(%s %s %s)", l, op, r), nil
		}
	case grammar.KindHasAttr:
		e, err := field(grammar.FieldExpression)
		if err != nil {
			return nixExpr{}, err
		}
		return atom("((%s) ? %s)", e, attrpathText(n.ChildByFieldName(grammar.FieldAttrpath), src)), nil
	case grammar.KindSelect:
		e, err := field(grammar.FieldExpression)
		if err != nil {
			return nixExpr{}, err
		}
		s := fmt.Sprintf("(%s).%s", e, attrpathText(n.ChildByFieldName(grammar.FieldAttrpath), src))
		if n.ChildByFieldName(grammar.FieldDefault) != nil {
			d, err := field(grammar.FieldDefault)
			if err != nil {
				return nixExpr{}, err
			}
			s += fmt.Sprintf(" or (%s)", d)
		}
		return atom("%s", s), nil
	case grammar.KindApply:
		f, err1 := field(grammar.FieldFunction)
		a, err2 := field(grammar.FieldArgument)
		if err := firstErr(err1, err2); err != nil {
			return nixExpr{}, err
		}
		// Nix merges `(f a) b` into one call, but `f or` (its rule for a
		// variable named or after a simple expression) always makes a new
		// one: `(f or) or` prints as ((f or) or).
		fnNode, argNode := n.ChildByFieldName(grammar.FieldFunction), n.ChildByFieldName(grammar.FieldArgument)
		orCall := argNode.Type() == grammar.KindIdentifier && argNode.Content(src) == "or" && simpleKinds[fnNode.Type()]
		if f.fn != nil && !orCall {
			f.args = append(append([]nixExpr(nil), f.args...), a)
			return f, nil
		}
		return nixExpr{fn: &f, args: []nixExpr{a}}, nil
	}
	return nixExpr{}, fmt.Errorf("cannot render %s", n.Type())
}

// attrpathText prints a plain attribute path as Nix does: names joined by
// dots, whatever the spacing in the source.
func attrpathText(n *sitter.Node, src []byte) string {
	var names []string
	for i := 0; i < int(n.NamedChildCount()); i++ {
		names = append(names, n.NamedChild(i).Content(src))
	}
	return strings.Join(names, ".")
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
