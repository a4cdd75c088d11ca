package unit

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// SystemSlot stands for the system level of a per-system output when the
// code does not spell it (eachDefaultSystem, genAttrs, perSystem).
const SystemSlot = "<system>"

// perSystemHelpers are functions that call their last argument once per
// system and key the results by system: with a whole outputs set
// (flake-utils' eachSystem family) or with one output's value (genAttrs
// and the forAllSystems helpers flakes define).
var (
	wholeSetHelpers = []string{"eachDefaultSystem", "eachSystem", "eachDefaultSystemPassThrough", "eachSystemPassThrough"}
	valueHelpers    = []string{"genAttrs", "forAllSystems", "forEachSystem", "eachDefaultSystemMap", "eachSystemMap", "forSystems", "eachSystems"}
)

// OutputsPath says whether the offset is in the attribute set the
// flake's outputs function returns (also through let, with, `//`,
// flake-utils' eachSystem family, genAttrs-style helpers and flake-parts'
// perSystem and flake), and at which attribute path inside the outputs:
// ["packages", "x86_64-linux"], or ["packages", SystemSlot] where a
// helper supplies the system. The path ends with the key under the cursor
// when InKey.
func (u *Unit) OutputsPath(p *Place) ([]string, bool) {
	if !u.IsFlake() || u.Flake.Outputs == syntax.NoNode {
		return nil, false
	}
	v := u.View
	names, root, ok := u.KeyPath(p)
	if !ok {
		return nil, false
	}
	var prefix []string // levels found outside root, outermost first
	perSystem := false
	n := root
	for steps := 0; n != syntax.NoNode && steps < 64; steps++ {
		up := v.Parent(n)
		if up == syntax.NoNode {
			return nil, false
		}
		switch {
		case v.Is(up, grammar.KindParenthesized):
		case v.Is(up, grammar.KindLet) || v.Is(up, grammar.KindWith) || v.Is(up, grammar.KindAssert):
			if v.Child(up, grammar.FieldBody) != n {
				return nil, false
			}
		case v.Is(up, grammar.KindBinary):
			if v.Text(v.Child(up, grammar.FieldOperator)) != "//" {
				return nil, false
			}
		case v.Is(up, grammar.KindLambda):
			if up == u.Flake.Outputs {
				return joinOutputs(prefix, names, perSystem), true
			}
			if u.isPerSystemModule(up) {
				return joinOutputs(prefix, names, true), true
			}
			call, fn := outermostCall(v, up)
			if call == syntax.NoNode {
				return nil, false
			}
			switch {
			case endsWithAny(fn, wholeSetHelpers):
				perSystem = true
				up = call
			case endsWithAny(fn, valueHelpers):
				// `packages = forAllSystems (system: { ... })`: the set is
				// one output's value per system.
				up = call
				b := v.Parent(call)
				for b != syntax.NoNode && v.Is(b, grammar.KindParenthesized) {
					b = v.Parent(b)
				}
				if b == syntax.NoNode || !v.Is(b, grammar.KindBinding) {
					return nil, false
				}
				outer := &Place{Frames: framesFrom(u, b)}
				outerNames, outerRoot, ok := u.ValuePath(outer)
				if !ok {
					return nil, false
				}
				prefix = append(append(outerNames, SystemSlot), prefix...)
				n = outerRoot
				continue
			default:
				return nil, false
			}
		case v.Is(up, grammar.KindApply):
			// flake-parts: mkFlake { ... } { perSystem = ...; flake = ...; }
			fn := callee(v, up)
			if !strings.HasSuffix(fn, "mkFlake") || v.Child(up, grammar.FieldArgument) != n {
				return nil, false
			}
			return u.flakePartsPath(names, perSystem, prefix)
		case v.Is(up, grammar.KindBinding):
			return nil, false
		default:
			return nil, false
		}
		n = up
	}
	return nil, false
}

// flakePartsPath maps a path in mkFlake's module to the outputs: under
// `flake` the outputs themselves, under `perSystem`'s result per system.
func (u *Unit) flakePartsPath(names []string, perSystem bool, prefix []string) ([]string, bool) {
	if len(prefix) > 0 || perSystem || len(names) == 0 {
		return nil, false
	}
	switch names[0] {
	case "flake":
		return names[1:], true
	}
	return nil, false
}

// isPerSystemModule reports a flake-parts `perSystem = { ... }: { ... };`
// lambda in the module given to mkFlake.
func (u *Unit) isPerSystemModule(lambda syntax.NodeID) bool {
	v := u.View
	b := v.Parent(lambda)
	for b != syntax.NoNode && v.Is(b, grammar.KindParenthesized) {
		b = v.Parent(b)
	}
	if b == syntax.NoNode || !v.Is(b, grammar.KindBinding) {
		return false
	}
	path := u.segments(v.Child(b, grammar.FieldAttrpath))
	if len(path) != 1 || path[0].Name != "perSystem" {
		return false
	}
	set := v.Parent(b)
	up := v.Parent(set)
	for up != syntax.NoNode && v.Is(up, grammar.KindParenthesized) {
		set, up = up, v.Parent(up)
	}
	return up != syntax.NoNode && v.Is(up, grammar.KindApply) && v.Child(up, grammar.FieldArgument) == set && strings.HasSuffix(callee(v, up), "mkFlake")
}

func joinOutputs(prefix, names []string, perSystem bool) []string {
	path := append(append([]string{}, prefix...), names...)
	if perSystem && len(path) > 0 {
		return append([]string{path[0], SystemSlot}, path[1:]...)
	}
	return path
}

// outermostCall is the application whose last argument is the lambda,
// and the text of the function called (`flake-utils.lib.eachDefaultSystem`).
func outermostCall(v *syntax.View, lambda syntax.NodeID) (syntax.NodeID, string) {
	n := lambda
	up := v.Parent(n)
	for up != syntax.NoNode && v.Is(up, grammar.KindParenthesized) {
		n, up = up, v.Parent(up)
	}
	if up == syntax.NoNode || !v.Is(up, grammar.KindApply) || v.Child(up, grammar.FieldArgument) != n {
		return syntax.NoNode, ""
	}
	return up, callee(v, up)
}

// callee is the text of the function at the head of an application chain.
func callee(v *syntax.View, apply syntax.NodeID) string {
	f := v.Child(apply, grammar.FieldFunction)
	for f != syntax.NoNode && v.Is(f, grammar.KindApply) {
		f = v.Child(f, grammar.FieldFunction)
	}
	return v.Text(f)
}

func endsWithAny(s string, names []string) bool {
	for _, n := range names {
		if s == n || strings.HasSuffix(s, "."+n) {
			return true
		}
	}
	return false
}

// framesFrom lists the bindings enclosing (and including) b, innermost
// first.
func framesFrom(u *Unit, b syntax.NodeID) []Frame {
	v := u.View
	var out []Frame
	for m := b; m != syntax.NoNode; m = v.Parent(m) {
		if v.Is(m, grammar.KindBinding) {
			out = append(out, Frame{Binding: m, Path: u.segments(v.Child(m, grammar.FieldAttrpath)), Holder: v.Parent(m)})
		}
	}
	return out
}
