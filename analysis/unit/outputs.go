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

// OutputsPlace says where an offset is in the flake's outputs.
type OutputsPlace struct {
	// Path is the attribute path inside the outputs: ["packages",
	// "x86_64-linux"], or ["packages", SystemSlot] where a helper supplies
	// the system. It ends with the key under the cursor when the offset
	// is on a key.
	Path []string
	// PerSystem: the set at the top of Path is what a function returns
	// once per system (flake-utils' eachSystem family, flake-parts'
	// perSystem): only per-system outputs belong at its top level.
	PerSystem bool
	// PartsModule: the offset is in flake-parts' module itself (the
	// argument of mkFlake) outside `flake` and `perSystem`; Path is then
	// the path in the module (["systems"], or empty in its top level).
	PartsModule bool
}

// OutputsPath says whether the offset is in the attribute set the
// flake's outputs function returns (also through let, with, `//`,
// flake-utils' eachSystem family, genAttrs-style helpers and flake-parts'
// perSystem and flake), and at which attribute path inside the outputs
// (see OutputsPlace.Path).
func (u *Unit) OutputsPath(p *Place) ([]string, bool) {
	op, ok := u.OutputsAt(p)
	if !ok || op.PartsModule {
		return nil, false
	}
	return op.Path, true
}

// OutputsAt is OutputsPath with what else the place says.
func (u *Unit) OutputsAt(p *Place) (OutputsPlace, bool) {
	if !u.IsFlake() || u.Flake.Outputs == syntax.NoNode {
		return OutputsPlace{}, false
	}
	v := u.View
	names, root, ok := u.KeyPath(p)
	if !ok {
		return OutputsPlace{}, false
	}
	inKey := p.InKey && !p.KeyGap
	if p.InKey && p.KeyGap {
		// The names up to the gap are the set path of a name being typed.
		names = names[:len(names)-1]
	}
	var prefix []string // levels found outside root, outermost first
	perSystem := false
	n := root
	for steps := 0; n != syntax.NoNode && steps < 64; steps++ {
		up := v.Parent(n)
		if up == syntax.NoNode {
			return OutputsPlace{}, false
		}
		switch {
		case v.Is(up, grammar.KindParenthesized):
		case v.Is(up, grammar.KindLet) || v.Is(up, grammar.KindWith) || v.Is(up, grammar.KindAssert):
			if v.Child(up, grammar.FieldBody) != n {
				return OutputsPlace{}, false
			}
		case v.Is(up, grammar.KindBinary):
			if !isUpdate(v, up) {
				return OutputsPlace{}, false
			}
		case v.Is(up, grammar.KindLambda):
			if up == u.Flake.Outputs {
				return place(prefix, names, perSystem, inKey), true
			}
			if u.isPerSystemModule(up) {
				return place(prefix, names, true, inKey), true
			}
			call, fn := outermostCall(v, up)
			if call == syntax.NoNode {
				return OutputsPlace{}, false
			}
			switch {
			case endsWithAny(fn, wholeSetHelpers):
				perSystem = true
				up = call
			case u.valueHelper(call, fn):
				// `packages = forAllSystems (system: { ... })`: the set is
				// one output's value per system.
				up = call
				b := v.Parent(call)
				for b != syntax.NoNode && v.Is(b, grammar.KindParenthesized) {
					b = v.Parent(b)
				}
				if b == syntax.NoNode || !v.Is(b, grammar.KindBinding) {
					return OutputsPlace{}, false
				}
				outer := &Place{Frames: framesFrom(u, b)}
				outerNames, outerRoot, ok := u.ValuePath(outer)
				if !ok {
					return OutputsPlace{}, false
				}
				prefix = append(append(outerNames, SystemSlot), prefix...)
				n = outerRoot
				continue
			case strings.HasSuffix(fn, "mkFlake"):
				// flake-parts' module written as a function:
				// mkFlake { ... } ({ withSystem, ... }: { ... }).
				return u.flakePartsPlace(names, perSystem, prefix, inKey)
			default:
				return OutputsPlace{}, false
			}
		case v.Is(up, grammar.KindApply):
			// flake-parts: mkFlake { ... } { perSystem = ...; flake = ...; }
			fn := callee(v, up)
			if !strings.HasSuffix(fn, "mkFlake") || v.Child(up, grammar.FieldArgument) != n {
				return OutputsPlace{}, false
			}
			return u.flakePartsPlace(names, perSystem, prefix, inKey)
		default:
			return OutputsPlace{}, false
		}
		n = up
	}
	return OutputsPlace{}, false
}

// flakePartsPlace maps a path in mkFlake's module to the outputs: under
// `flake` the outputs themselves, under a `perSystem` set per system;
// elsewhere it is the module's own options.
func (u *Unit) flakePartsPlace(names []string, perSystem bool, prefix []string, inKey bool) (OutputsPlace, bool) {
	if len(prefix) > 0 || perSystem {
		return OutputsPlace{}, false
	}
	if len(names) == 0 || inKey && len(names) == 1 {
		return OutputsPlace{Path: names, PartsModule: true}, true
	}
	switch names[0] {
	case "flake":
		return OutputsPlace{Path: names[1:]}, true
	case "perSystem":
		// perSystem written as a set (a module without arguments).
		return place(nil, names[1:], true, inKey), true
	}
	return OutputsPlace{Path: names, PartsModule: true}, true
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
	return u.IsPartsModule(v.Parent(b))
}

// IsPartsModule reports whether set is the module given to flake-parts'
// mkFlake: its second argument, directly or as what a module function
// returns (through let and with).
func (u *Unit) IsPartsModule(set syntax.NodeID) bool {
	v := u.View
	n := set
	up := v.Parent(n)
	for up != syntax.NoNode {
		switch {
		case v.Is(up, grammar.KindParenthesized):
		case (v.Is(up, grammar.KindLet) || v.Is(up, grammar.KindWith)) && v.Child(up, grammar.FieldBody) == n:
		case v.Is(up, grammar.KindLambda) && v.Child(up, grammar.FieldBody) == n:
			call, fn := outermostCall(v, up)
			return call != syntax.NoNode && strings.HasSuffix(fn, "mkFlake")
		case v.Is(up, grammar.KindApply):
			return v.Child(up, grammar.FieldArgument) == n && strings.HasSuffix(callee(v, up), "mkFlake")
		default:
			return false
		}
		n, up = up, v.Parent(up)
	}
	return false
}

// place joins the levels found outside the set with the path in it; a
// per-system set puts the system after the output name (a key that is the
// output name itself gets none).
func place(prefix, names []string, perSystem, inKey bool) OutputsPlace {
	path := append(append([]string{}, prefix...), names...)
	if perSystem && len(path) > 0 && !(inKey && len(path) == 1) {
		path = append([]string{path[0], SystemSlot}, path[1:]...)
	}
	return OutputsPlace{Path: path, PerSystem: perSystem}
}

// SystemHelper is the helper that calls lambda once per system
// (`flake-utils.lib.eachDefaultSystem (system: ...)`, `forAllSystems
// (system: ...)`), as written; "" when it is not the argument of one.
func (u *Unit) SystemHelper(lambda syntax.NodeID) string {
	if u.View == nil || lambda == syntax.NoNode || !u.View.Is(lambda, grammar.KindLambda) {
		return ""
	}
	if call, fn := outermostCall(u.View, lambda); call != syntax.NoNode && (endsWithAny(fn, wholeSetHelpers) || u.valueHelper(call, fn)) {
		return fn
	}
	return ""
}

// PassesSystem: the helper fn (as SystemHelper returns it) is known to call
// its function with the system itself: genAttrs and flake-utils' helpers.
// A helper the flake defines may pass anything (packages for the system,
// a set of them).
func PassesSystem(fn string) bool {
	return endsWithAny(fn, wholeSetHelpers) || endsWithAny(fn, []string{"genAttrs", "eachDefaultSystemMap", "eachSystemMap"})
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

// isValueHelper: genAttrs and the helpers flakes define around it, whose
// names vary (forAllSystems, forEachSupportedSystem, eachSystemMap ...):
// besides the known names, a function named for systems that is not one
// of flake-utils' whole-set helpers.
func isValueHelper(fn string) bool {
	if endsWithAny(fn, valueHelpers) {
		return true
	}
	last := fn[strings.LastIndexByte(fn, '.')+1:]
	return strings.Contains(strings.ToLower(last), "system") && !endsWithAny(fn, wholeSetHelpers)
}

// valueHelper: the function called by the application call (whose head
// reads fn) calls a function once per system and gathers the results by
// system: a known or system-named helper (isValueHelper), or a local
// function defined on one, whatever its name (`eachArch = f:
// nixpkgs.lib.genAttrs [ ... ] (s: f s);`, or `genAttrs systems` applied
// partially).
func (u *Unit) valueHelper(call syntax.NodeID, fn string) bool {
	return isValueHelper(fn) || u.definedOnValueHelper(call, 0)
}

func (u *Unit) definedOnValueHelper(call syntax.NodeID, depth int) bool {
	v := u.View
	if u.Scope == nil || depth > 4 {
		return false
	}
	head := call
	for head != syntax.NoNode && v.Is(head, grammar.KindApply) {
		head = v.Child(head, grammar.FieldFunction)
	}
	if head == syntax.NoNode || !v.Is(head, grammar.KindIdentifier) {
		return false
	}
	b := u.Scope.DefinitionAt(int(v.Nodes[head].Start))
	if b == nil || b.Value == syntax.NoNode {
		return false
	}
	val := unparen(v, b.Value)
	for n := 0; val != syntax.NoNode && n < 16 && (v.Is(val, grammar.KindLambda) || v.Is(val, grammar.KindLet) || v.Is(val, grammar.KindWith)); n++ {
		val = unparen(v, v.Child(val, grammar.FieldBody))
	}
	if val == syntax.NoNode || !v.Is(val, grammar.KindApply) {
		return false
	}
	inner := callee(v, val)
	if endsWithAny(inner, wholeSetHelpers) {
		return false
	}
	return isValueHelper(inner) || u.definedOnValueHelper(val, depth+1)
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

// OutputEntry is an attribute the outputs define, as far as the code
// shows it without evaluation.
type OutputEntry struct {
	// Path in the outputs, with SystemSlot where a helper supplies the
	// system (["packages", SystemSlot, "default"] in eachDefaultSystem).
	Path []string
	// Key is the last name of Path as written.
	Key Segment
	// Binding is the binding whose attribute path holds Key.
	Binding syntax.NodeID
}

// OutputEntries lists the attributes the outputs function's result
// defines, down to maxDepth levels (system levels counted), in source
// order: the attribute set it returns (through let, with, `//`),
// flake-utils' eachSystem family, genAttrs-style helpers inside an
// output, and flake-parts' `flake` and `perSystem`. A computed name is
// listed with its text (`${system}`).
func (u *Unit) OutputEntries(maxDepth int) []OutputEntry {
	if !u.IsFlake() || u.Flake.Outputs == syntax.NoNode {
		return nil
	}
	return u.Memo(outputEntriesKey(maxDepth), func() any { return u.outputEntries(maxDepth) }).([]OutputEntry)
}

type outputEntriesKey int

func (u *Unit) outputEntries(maxDepth int) []OutputEntry {
	v := u.View
	var out []OutputEntry
	var expr func(n syntax.NodeID, prefix []string, perSystem bool, depth int)
	// binding lists what the binding b defines, segs being (the rest of)
	// its attribute path.
	binding := func(b syntax.NodeID, segs []Segment, prefix []string, perSystem bool, depth int) {
		path := append([]string{}, prefix...)
		for i, seg := range segs {
			if len(path) >= maxDepth {
				return
			}
			path = append(path, seg.Name)
			out = append(out, OutputEntry{Path: append([]string{}, path...), Key: seg, Binding: b})
			if perSystem && len(prefix) == 0 && i == 0 {
				path = append(path, SystemSlot)
			}
		}
		if len(path) < maxDepth {
			expr(v.Child(b, grammar.FieldValue), path, false, depth+1)
		}
	}
	set := func(s syntax.NodeID, prefix []string, perSystem bool, depth int) {
		for b := v.FirstChild(s); b != syntax.NoNode; b = v.Next(b) {
			if v.Is(b, grammar.KindBinding) {
				binding(b, u.segments(v.Child(b, grammar.FieldAttrpath)), prefix, perSystem, depth)
			}
		}
	}
	parts := func(module syntax.NodeID, depth int) {
		for b := v.FirstChild(module); b != syntax.NoNode; b = v.Next(b) {
			if !v.Is(b, grammar.KindBinding) {
				continue
			}
			path := u.segments(v.Child(b, grammar.FieldAttrpath))
			if len(path) == 0 {
				continue
			}
			val := v.Child(b, grammar.FieldValue)
			switch {
			case path[0].Name == "flake" && len(path) > 1:
				binding(b, path[1:], nil, false, depth+1)
			case path[0].Name == "perSystem" && len(path) > 1:
				binding(b, path[1:], nil, true, depth+1)
			case len(path) > 1:
			case path[0].Name == "flake":
				expr(val, nil, false, depth+1)
			case path[0].Name == "perSystem":
				val = unparen(v, val)
				if val != syntax.NoNode && v.Is(val, grammar.KindLambda) {
					val = v.Child(val, grammar.FieldBody)
				}
				expr(val, nil, true, depth+1)
			}
		}
	}
	expr = func(n syntax.NodeID, prefix []string, perSystem bool, depth int) {
		n = unparen(v, n)
		if n == syntax.NoNode || depth > 32 {
			return
		}
		switch {
		case v.Is(n, grammar.KindLet), v.Is(n, grammar.KindWith), v.Is(n, grammar.KindAssert):
			expr(v.Child(n, grammar.FieldBody), prefix, perSystem, depth+1)
		case isUpdate(v, n):
			expr(v.Child(n, grammar.FieldLeft), prefix, perSystem, depth+1)
			expr(v.Child(n, grammar.FieldRight), prefix, perSystem, depth+1)
		case isSet(v, n):
			set(n, prefix, perSystem, depth)
		case v.Is(n, grammar.KindApply):
			fn := callee(v, n)
			arg := unparen(v, v.Child(n, grammar.FieldArgument))
			isLambda := arg != syntax.NoNode && v.Is(arg, grammar.KindLambda)
			switch {
			case len(prefix) == 0 && strings.HasSuffix(fn, "mkFlake"):
				for isLambda || arg != syntax.NoNode && (v.Is(arg, grammar.KindLet) || v.Is(arg, grammar.KindWith)) {
					arg = unparen(v, v.Child(arg, grammar.FieldBody))
					isLambda = arg != syntax.NoNode && v.Is(arg, grammar.KindLambda)
				}
				if arg != syntax.NoNode && isSet(v, arg) {
					parts(arg, depth)
				}
			case len(prefix) == 0 && isLambda && endsWithAny(fn, wholeSetHelpers):
				expr(v.Child(arg, grammar.FieldBody), nil, true, depth+1)
			case len(prefix) > 0 && isLambda && u.valueHelper(n, fn):
				expr(v.Child(arg, grammar.FieldBody), append(append([]string{}, prefix...), SystemSlot), false, depth+1)
			}
		}
	}
	expr(v.Child(u.Flake.Outputs, grammar.FieldBody), nil, false, 0)
	return out
}

func unparen(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != syntax.NoNode && v.Is(n, grammar.KindParenthesized) {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}
