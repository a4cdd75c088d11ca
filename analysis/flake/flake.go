// Package flake builds the model of a flake.nix from its syntax tree (its
// description, inputs with parsed references, the outputs function) and
// reports what Nix would reject, statically, without running Nix.
package flake

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/flakeref"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Input is one declared input (also the nested overrides under Inputs).
// Its nodes are in Flake.View; syntax.NoNode when absent.
type Input struct {
	Name     string
	Key      syntax.NodeID // where it is declared (its attrpath part)
	URL      string
	URLNode  syntax.NodeID // the url string
	Ref      flakeref.Ref
	HasRef   bool
	Flake    bool // `flake = false` makes it false
	Follows  []string
	HasFoll  bool
	FollNode syntax.NodeID     // the follows string
	Attrs    map[string]string // other literal attributes (type, owner, ...)
	Inputs   map[string]*Input // overrides: inputs.<name>.inputs.<x>
}

// Flake is the model of one flake.nix.
type Flake struct {
	// View is the tree the model's nodes are in.
	View        *syntax.View
	Description string
	Inputs      map[string]*Input
	InputOrder  []string
	Outputs     syntax.NodeID // the lambda, syntax.NoNode if there is none
	// Formals of the outputs function, by name, the nodes of the names
	// (nil for `inputs: ...`).
	Formals     map[string]syntax.NodeID
	HasEllipsis bool
	AtName      string
}

// Result is the model and what is wrong with it.
type Result struct {
	Flake       *Flake
	Diagnostics []analysis.Diagnostic
}

// Options for Analyze.
type Options struct {
	File     string // path of flake.nix, for diagnostics
	LockFile string // path of flake.lock
	Lock     *lockfile.LockFile
}

// validInputName reports whether s matches ^[a-zA-Z][a-zA-Z0-9_-]*$, the
// names Nix accepts in follows paths (without a regexp: it runs per input).
func validInputName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Analyze reads a parsed flake.nix, v being its tree.
func Analyze(v *syntax.View, opts Options) Result {
	a := &analyzer{v: v, src: v.Src, opts: opts, top: none, flake: &Flake{View: v, Inputs: map[string]*Input{}, Outputs: none}}
	a.run()
	sort.SliceStable(a.diags, func(i, j int) bool {
		if a.diags[i].File != a.diags[j].File {
			return a.diags[i].File < a.diags[j].File
		}
		return a.diags[i].Start < a.diags[j].Start
	})
	return Result{Flake: a.flake, Diagnostics: a.diags}
}

type analyzer struct {
	v     *syntax.View
	src   []byte
	opts  Options
	flake *Flake
	diags []analysis.Diagnostic
	// flakePartsOutputs: the `flake` attribute of a flake-parts module.
	flakePartsOutputs *attrSet
	// top is flake.nix's top-level attribute set.
	top syntax.NodeID
	// scopes caches the bindings of each let and rec set looked into.
	scopes map[syntax.NodeID]map[string]syntax.NodeID
	// literalSets caches the attributes of set literals eval has read
	// (never changed once read).
	literalSets map[syntax.NodeID]*attrSet
}

func (a *analyzer) report(n syntax.NodeID, sev analysis.Severity, code, format string, args ...any) *analysis.Diagnostic {
	a.diags = append(a.diags, analysis.Diagnostic{
		File: a.opts.File, Start: a.v.Start(n), End: a.v.End(n),
		Severity: sev, Code: code, Message: fmt.Sprintf(format, args...),
	})
	return &a.diags[len(a.diags)-1]
}

const notEvaluated = "Nix reads this part of flake.nix without evaluating it, so it must be a literal"

func (a *analyzer) run() {
	top := unwrap(a.v, a.v.ChildByField(a.v.Root(), fieldExpression))
	if top == none {
		return // syntax errors say enough
	}
	if k := a.v.Kind(top); k != grammar.KindAttrset && k != grammar.KindRecAttrset {
		a.report(top, analysis.Error, "flake-not-attrset",
			"flake.nix must be an attribute set literal `{ description = ...; inputs = ...; outputs = ...; }`, not a %s (Nix: file 'flake.nix' must be an attribute set)", describeKind(k))
		return
	}
	a.top = top
	attrs := newAttrSet()
	collectBindings(a.v, attrs, top)
	for _, d := range attrs.dynamic {
		a.report(d, analysis.Error, "flake-not-literal", "computed attribute name: %s", notEvaluated)
	}
	for _, at := range attrs.list {
		name := at.name
		switch name {
		case "description":
			if v, ok := stringText(a.v, unwrap(a.v, at.value)); ok {
				a.flake.Description = v
			} else if at.value != none {
				a.report(at.value, analysis.Error, "flake-not-literal", "description must be a plain string: %s%s (Nix: expected a string but got a thunk)", notEvaluated, a.pieces(at.value))
			}
		case "inputs":
			a.inputs(at)
		case "outputs":
			a.outputs(at)
		case "nixConfig":
			a.checkNixConfig(at)
		default:
			d := a.report(at.key, analysis.Error, "flake-unknown-attribute",
				"unknown top-level attribute '%s': a flake has only description, inputs, outputs and nixConfig (Nix: flake has an unsupported attribute '%s')", name, name)
			if best := analysis.Closest(name, []string{"description", "inputs", "outputs", "nixConfig"}); best != "" {
				d.Fix = &analysis.Fix{Title: "Rename to " + best, Start: d.Start, End: d.End, Replacement: best}
				d.Message += fmt.Sprintf("; did you mean '%s'?", best)
			}
		}
	}
	if attrs.get("outputs") == nil {
		start := a.v.Start(top)
		a.diags = append(a.diags, analysis.Diagnostic{File: a.opts.File, Start: start, End: start + 1, Severity: analysis.Error,
			Code: "flake-missing-outputs", Message: "the flake has no `outputs` function (Nix: flake lacks attribute 'outputs')"})
	}
	a.checkFormals()
	a.checkFollows()
	a.checkFollowCycles()
	a.checkPathInputs()
	a.checkUnusedInputs()
	a.checkOutputs()
	if a.opts.Lock != nil {
		a.checkLock()
	}
}

// inputs reads `inputs`, which must be an attribute set literal.
func (a *analyzer) inputs(at *attr) {
	if at.value != none && !isSetLiteral(a.v, unwrap(a.v, at.value)) {
		a.report(at.value, analysis.Error, "flake-not-literal", "inputs must be an attribute set literal: %s (Nix: expected a set but got %s)", notEvaluated, a.nixType(unwrap(a.v, at.value)))
		return
	}
	recChildren(a.v, at)
	if at.children == nil {
		return
	}
	for _, d := range at.children.dynamic {
		a.report(d, analysis.Error, "flake-not-literal", "computed input name: %s", notEvaluated)
	}
	for _, x := range at.children.list {
		name := x.name
		in := a.input(name, x, true)
		if in != nil {
			a.flake.Inputs[name] = in
			a.flake.InputOrder = append(a.flake.InputOrder, name)
		}
	}
}

// input reads one input declaration (top is false for overrides).
func (a *analyzer) input(name string, at *attr, top bool) *Input {
	in := &Input{Name: name, Key: at.key, URLNode: none, FollNode: none, Flake: true, Attrs: map[string]string{}, Inputs: map[string]*Input{}}
	if !validInputName(name) && name != "self" {
		a.report(at.key, analysis.Warning, "input-bad-name", "input name '%s' cannot be named by `follows` or on the command line (names are letters, digits, '-' and '_', starting with a letter)", name)
	}
	if at.value != none {
		switch v := unwrap(a.v, at.value); a.v.Kind(v) {
		case grammar.KindAttrset, grammar.KindRecAttrset:
			recChildren(a.v, at)
		case grammar.KindString, grammar.KindIndentedString, grammar.KindUri:
			d := a.report(v, analysis.Error, "input-not-attrset", "an input is an attribute set, not a string (Nix: expected a set but got a string); write `inputs.%s.url = %s;`", name, a.v.Text(v))
			d.Fix = &analysis.Fix{Title: "Use { url = ...; }", Start: d.Start, End: d.End, Replacement: "{ url = " + a.v.Text(v) + "; }"}
			return in // still an input, for the checks of the outputs' arguments
		default:
			a.report(v, analysis.Error, "flake-not-literal", "input '%s' must be an attribute set literal: %s", name, notEvaluated)
			return nil
		}
	}
	if at.children == nil {
		return in
	}
	attrs := at.children
	for _, d := range attrs.dynamic {
		a.report(d, analysis.Error, "flake-not-literal", "computed attribute name: %s", notEvaluated)
	}
	for _, x := range attrs.list {
		key := x.name
		v := a.trivial(x.value)
		switch key {
		case "url":
			if v == none {
				continue
			}
			s, ok := stringText(a.v, v)
			if !ok {
				if a.v.Kind(v) == grammar.KindPath {
					a.report(v, analysis.Warning, "input-url-path", "a path as `url` needs Nix 2.26 or newer; older versions say: expected a string but got a path. Write \"path:%s\" for them", a.v.Text(v))
					continue
				}
				a.report(v, analysis.Error, "flake-not-literal", "url must be a plain string without interpolation: %s%s (Nix: expected a string but got a thunk)", notEvaluated, a.pieces(v))
				continue
			}
			in.URL, in.URLNode = s, v
		case "flake":
			if v == none {
				continue
			}
			switch t := a.v.Text(v); {
			case a.v.Kind(v) == grammar.KindIdentifier && (t == "true" || t == "false"):
				in.Flake = t == "true"
			default:
				a.report(v, analysis.Error, "input-bad-value", "`flake` must be true or false (Nix: expected a Boolean but got %s)", a.nixType(v))
			}
		case "follows":
			if v == none {
				continue
			}
			s, ok := stringText(a.v, v)
			if !ok {
				a.report(v, analysis.Error, "flake-not-literal", "follows must be a plain string: %s%s (Nix: expected a string but got a thunk)", notEvaluated, a.pieces(v))
				continue
			}
			in.HasFoll, in.FollNode = true, v
			for _, seg := range strings.Split(s, "/") {
				if seg == "" {
					continue
				}
				if !validInputName(seg) {
					a.report(v, analysis.Error, "input-bad-follows", "'%s' is not a valid input name in a follows path (Nix: invalid flake input path element '%s')", seg, seg)
				}
				in.Follows = append(in.Follows, seg)
			}
		case "inputs":
			if x.children == nil {
				continue
			}
			for _, y := range x.children.list {
				sub := y.name
				if sub == "self" {
					a.report(y.key, analysis.Warning, "input-bad-override", "'self' cannot be overridden: Nix 2.27 and newer reject it ('self' input attribute not allowed); older versions ignore it")
					continue
				}
				if o := a.input(sub, y, false); o != nil {
					in.Inputs[sub] = o
				}
			}
		default:
			if v == none {
				continue
			}
			switch a.v.Kind(v) {
			case grammar.KindString, grammar.KindIndentedString, grammar.KindUri:
				if s, ok := stringText(a.v, v); ok {
					in.Attrs[key] = s
				} else {
					a.report(v, analysis.Error, "flake-not-literal", "input attribute '%s' must be a plain string%s (Nix: flake input attribute '%s' is a thunk while a string, Boolean, or integer is expected)", key, a.pieces(v), key)
				}
			case grammar.KindInteger:
				in.Attrs[key] = a.v.Text(v)
			case grammar.KindIdentifier:
				if t := a.v.Text(v); t == "true" || t == "false" {
					in.Attrs[key] = t
					continue
				}
				fallthrough
			default:
				a.report(v, analysis.Error, "flake-not-literal", "input attribute '%s' must be a string, Boolean or integer literal (Nix: flake input attribute '%s' is a thunk)", key, key)
			}
		}
	}
	a.checkInputAttrs(in, attrs)
	// With `type`, `url` is the fetcher's URL, not a flake reference.
	if _, hasType := in.Attrs["type"]; in.URLNode != none && !hasType {
		a.checkURL(in)
	}
	if in.HasFoll && (in.URL != "" || in.Attrs["type"] != "") {
		a.report(in.FollNode, analysis.Warning, "input-follows-with-url",
			"input '%s' has both a reference and `follows`: older Nix silently uses `follows`, Nix 2.30+ rejects it (flake input has both a flake reference and a follows attribute); remove one", name)
	}
	return in
}

// attrSince: input attributes that Nix 2.18, the oldest version the
// severities are weighed for, does not know yet, with the version that
// added them.
var attrSince = map[string]string{
	"verifyCommit": "2.19", "keytype": "2.19", "publicKey": "2.19", "publicKeys": "2.19",
	"exportIgnore": "2.20", "treeHash": "2.21", "lfs": "2.27",
}

func (a *analyzer) checkInputAttrs(in *Input, attrs *attrSet) {
	typ, hasType := in.Attrs["type"]
	for _, x := range attrs.list {
		key := x.name
		switch key {
		case "url", "flake", "follows", "inputs", "type", "dir":
			if key != "dir" || hasType {
				continue
			}
		}
		if _, literal := in.Attrs[key]; !literal && key != "dir" {
			continue
		}
		node := x.key
		if !hasType {
			a.report(node, analysis.Error, "input-unexpected-attribute",
				"'%s' is not allowed next to `url` without `type` (Nix: unexpected flake input attribute '%s'); put it in the URL (`?%s=...`) or use the attribute form with `type`", key, key, key)
			continue
		}
		_, known := schema.InputTypes[typ]
		allowed := schema.AllowedForType(typ)
		if known && !contains(allowed, key) {
			a.report(node, analysis.Error, "input-attribute-not-supported",
				"input attribute '%s' is not supported by type '%s' (Nix 2.19+: input attribute '%s' not supported by scheme '%s'); it accepts %s", key, typ, key, typ, strings.Join(allowed, ", "))
		} else if since := attrSince[key]; known && since != "" {
			a.report(node, analysis.Warning, "input-attribute-not-supported",
				"input attribute '%s' needs Nix %s or newer; older versions reject it (unsupported input attribute '%s')", key, since, key)
		}
	}
	if hasType {
		for _, req := range schema.RequiredForType(typ) {
			if _, ok := in.Attrs[req]; !ok && !(req == "url" && in.URL != "") {
				a.report(attrs.get("type").key, analysis.Error, "input-missing-attribute",
					"an input of type '%s' needs '%s' (Nix: input attribute '%s' is missing)", typ, req, req)
			}
		}
		if id, ok := in.Attrs["id"]; ok && typ == "indirect" && !validInputName(id) {
			a.report(attrs.get("id").value, analysis.Error, "input-bad-value", "'%s' is not a valid flake id (Nix: '%s' is not a valid flake ID)", id, id)
		}
		if _, known := schema.InputTypes[typ]; !known {
			node := attrs.get("type").value
			a.report(node, analysis.Error, "input-unknown-type",
				"unknown input type '%s' (Nix fails when fetching it: cannot fetch unsupported input); types are %s", typ, strings.Join(schema.InputTypeNames(), ", "))
		}
	}
}

// trivial is the value Nix reads for n where flake.nix must hold a
// literal: n itself, or, in a `rec { ... }` top level, the literal that a
// bare variable names there. Nix accepts such a variable (it is already
// evaluated: string, number and path literals are not thunks), so it is
// not an error, only discouraged (flake-rec-reference).
func (a *analyzer) trivial(n syntax.NodeID) syntax.NodeID {
	n = unwrap(a.v, n)
	if n == none || a.v.Kind(n) != grammar.KindIdentifier || a.top == none || a.v.Kind(a.top) != grammar.KindRecAttrset {
		return n
	}
	scope, val := a.scopeOf(n)
	v := unwrap(a.v, val)
	if scope != a.top || v == none {
		return n
	}
	switch a.v.Kind(v) {
	case grammar.KindString, grammar.KindIndentedString, grammar.KindUri:
		if _, ok := stringText(a.v, v); !ok {
			return n // interpolation, or an indented string in pieces: a thunk
		}
	case grammar.KindInteger, grammar.KindFloat, grammar.KindPath:
	default:
		return n
	}
	name := a.v.Text(n)
	d := a.report(n, analysis.Information, "flake-rec-reference",
		"this refers to the top-level '%s' through `rec`; Nix accepts it only because '%s' is a literal (anything computed here is rejected: expected a string but got a thunk). Write the value out: %s", name, name, a.v.Text(v))
	d.Fix = &analysis.Fix{Title: "Write the value out", Start: d.Start, End: d.End, Replacement: a.v.Text(v)}
	return v
}

// checkURL parses the url and maps the reference's problems into flake.nix.
func (a *analyzer) checkURL(in *Input) {
	ref, problems := flakeref.Parse(in.URL, in.Flake)
	in.Ref, in.HasRef = ref, true
	if len(problems) == 0 {
		return
	}
	_, offsets, _ := stringValue(a.v, in.URLNode)
	for _, p := range problems {
		start, end := offsets[p.Span.Start], offsets[p.Span.End]
		if p.Span.End > p.Span.Start && end <= start {
			end = start + 1
		}
		d := analysis.Diagnostic{File: a.opts.File, Start: start, End: end, Severity: p.Severity, Code: p.Code, Message: p.Message}
		if p.Replacement != "" && end > start {
			d.Fix = &analysis.Fix{Title: "Replace with '" + p.Replacement + "'", Start: start, End: end, Replacement: p.Replacement}
		}
		a.diags = append(a.diags, d)
	}
}

// outputs reads the outputs function.
func (a *analyzer) outputs(at *attr) {
	v := unwrap(a.v, at.value)
	if v == none {
		a.report(at.key, analysis.Error, "outputs-not-function", "outputs must be a function `{ self, ... }: { ... }`")
		return
	}
	if k := a.v.Kind(v); k != grammar.KindLambda {
		a.report(v, analysis.Error, "outputs-not-function", "outputs must be a function literal `{ self, ... }: { ... }`, not %s (Nix: expected a function but got %s)", describeKind(k), a.nixType(v))
		return
	}
	a.flake.Outputs = v
	if p := a.v.ChildByField(v, fieldParameter); p != none {
		a.flake.AtName = a.v.Text(p)
	}
	formals := a.v.ChildByField(v, fieldFormals)
	if formals == none {
		return
	}
	a.flake.Formals = map[string]syntax.NodeID{}
	for c := a.v.FirstChild(formals); c != none; c = a.v.Next(c) {
		if !content(a.v, c) {
			continue
		}
		switch a.v.Kind(c) {
		case grammar.KindEllipsis:
			a.flake.HasEllipsis = true
		case grammar.KindFormal:
			if n := a.v.ChildByField(c, fieldName); n != none {
				a.flake.Formals[a.v.Text(n)] = n
			}
		}
	}
}

// checkFormals compares the outputs formals with the declared inputs.
func (a *analyzer) checkFormals() {
	f := a.flake
	if f.Outputs == none || f.Formals == nil {
		return
	}
	formals := a.v.ChildByField(f.Outputs, fieldFormals)
	if !f.HasEllipsis {
		if _, ok := f.Formals["self"]; !ok {
			d := a.report(formals, analysis.Error, "outputs-missing-self",
				"the outputs function is always called with `self`, but its arguments have neither `self` nor `...` (Nix: called with unexpected argument 'self')")
			d.Fix = &analysis.Fix{Title: "Add self", Start: a.v.Start(formals) + 1, End: a.v.Start(formals) + 1, Replacement: " self,"}
		}
		for _, name := range f.InputOrder {
			if _, ok := f.Formals[name]; !ok {
				d := a.report(formals, analysis.Error, "outputs-missing-formal",
					"input '%s' is passed to outputs, whose arguments have neither '%s' nor `...` (Nix: 'outputs' called with unexpected argument '%s'); add it or `...`", name, name, name)
				d.Fix = &analysis.Fix{Title: "Add " + name, Start: a.v.End(formals) - 1, End: a.v.End(formals) - 1, Replacement: ", " + name + " "}
			}
		}
	}
	names := make([]string, 0, len(f.Formals))
	for name := range f.Formals {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "self" {
			continue
		}
		if _, declared := f.Inputs[name]; !declared {
			a.report(f.Formals[name], analysis.Warning, "outputs-implicit-input",
				"'%s' is not declared in inputs, so Nix looks it up in the flake registry (an indirect input '%s'); declare `inputs.%s.url` to pin where it comes from", name, name, name)
		}
	}
}

// checkFollows checks that every follows path starts at a declared input
// (or a formal, which is an implicit input) and, with a lock, resolves.
// Paths are walked from the root flake, also for nested overrides.
func (a *analyzer) checkFollows() {
	var visit func(path []string, in *Input)
	visit = func(path []string, in *Input) {
		if in.HasFoll && len(in.Follows) > 0 {
			first := in.Follows[0]
			_, declared := a.flake.Inputs[first]
			_, formal := a.flake.Formals[first]
			missing := !declared && !formal
			if !missing && len(in.Follows) > 1 && a.opts.Lock != nil {
				_, err := a.opts.Lock.Resolve(in.Follows)
				missing = err != nil
			}
			if missing {
				name, target := strings.Join(path, "/"), strings.Join(in.Follows, "/")
				d := a.report(in.FollNode, analysis.Error, "input-follows-missing",
					"input '%s' follows '%s', which does not exist (Nix: input '%s' follows a non-existent input '%s')", name, target, name, target)
				if best := analysis.Closest(first, a.flake.InputOrder); best != "" && len(in.Follows) == 1 {
					d.Message += fmt.Sprintf("; did you mean '%s'?", best)
					d.Fix = &analysis.Fix{Title: "Follow " + best, Start: a.v.Start(in.FollNode) + 1, End: a.v.End(in.FollNode) - 1, Replacement: best}
				}
			}
		}
		for _, sub := range sortedInputs(in.Inputs) {
			visit(append(append([]string{}, path...), sub.Name), sub)
		}
	}
	for _, name := range a.flake.InputOrder {
		visit([]string{name}, a.flake.Inputs[name])
	}
}

// checkFollowCycles finds follows that lead back to themselves through
// the declared inputs (Nix 2.19+: follow cycle detected; older versions
// loop when the input is used).
func (a *analyzer) checkFollowCycles() {
	byPath := map[string]*Input{}
	var collect func(prefix string, in *Input)
	collect = func(prefix string, in *Input) {
		byPath[prefix] = in
		for _, sub := range sortedInputs(in.Inputs) {
			collect(prefix+"/"+sub.Name, sub)
		}
	}
	for _, name := range a.flake.InputOrder {
		collect(name, a.flake.Inputs[name])
	}
	for _, name := range a.flake.InputOrder {
		in := a.flake.Inputs[name]
		if !in.HasFoll {
			continue
		}
		seen := []string{name}
		cur := in
		for cur != nil && cur.HasFoll {
			next := strings.Join(cur.Follows, "/")
			if next == name {
				a.report(in.FollNode, analysis.Error, "input-follows-cycle",
					"follow cycle: %s -> %s (Nix 2.19+: follow cycle detected; older versions recurse for ever when the input is used)", strings.Join(seen, " -> "), name)
				break
			}
			if contains(seen, next) {
				break // a cycle that does not pass through this input
			}
			seen = append(seen, next)
			cur = byPath[next]
		}
	}
}

// checkPathInputs checks relative path: inputs against the disk: the
// directory must exist and stay inside the source tree Nix copies. For a
// flake in a Git repository that is the whole repository (Nix fetches the
// repository and reads the flake in its subdirectory), so `path:..` from
// `dev/flake.nix` reaches the repository's root; otherwise it is the
// flake's own directory.
func (a *analyzer) checkPathInputs() {
	if a.opts.File == "" {
		return
	}
	shown := filepath.Dir(a.opts.File)
	dir := shown
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	repo, repoKnown := "", false
	for _, name := range a.flake.InputOrder {
		in := a.flake.Inputs[name]
		if !in.HasRef || in.Ref.Type != "path" || in.URLNode == none {
			continue
		}
		p := in.Ref.Path
		if p == "" || filepath.IsAbs(p) {
			continue
		}
		target := filepath.Clean(filepath.Join(dir, p))
		if !inside(dir, target) {
			if !repoKnown {
				repo, repoKnown = gitRoot(dir), true
			}
			switch {
			case repo == "":
				a.report(in.URLNode, analysis.Warning, "input-path-outside",
					"'%s' leaves the flake's directory, and no Git repository (.git) was found above it: Nix reaches it only when it fetches this flake as part of a larger source tree (a Git repository, or an archive, with ?dir=); as a path: flake it fails (Nix: relative path points outside of its parent's store path)", p)
				continue
			case !inside(repo, target):
				a.report(in.URLNode, analysis.Error, "input-path-outside",
					"'%s' points outside the Git repository the flake is in; Nix copies the repository to the store first, so it cannot reach it (Nix: relative path points outside of its parent's store path)", p)
				continue
			}
		}
		if _, err := os.Stat(target); err != nil {
			a.report(in.URLNode, analysis.Error, "input-path-missing", "'%s' does not exist (relative to %s)", p, shown)
		}
	}
}

// inside: path is dir or below it.
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// gitRoot is the nearest directory at or above dir that holds a .git
// (a directory, or the file of a worktree or submodule), or "".
func gitRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// checkUnusedInputs hints at inputs the outputs function never uses. An
// `@` name makes every input reachable, so then nothing is reported.
func (a *analyzer) checkUnusedInputs() {
	f := a.flake
	if f.Outputs == none || f.Formals == nil || f.AtName != "" {
		return
	}
	body := a.v.ChildByField(f.Outputs, fieldBody)
	if body == none {
		return
	}
	used := identifierTexts(a.v, body)
	// An input that others follow is used too.
	var markFollowed func(in *Input)
	markFollowed = func(in *Input) {
		if in.HasFoll && len(in.Follows) > 0 {
			used[in.Follows[0]] = true
		}
		for _, sub := range in.Inputs {
			markFollowed(sub)
		}
	}
	for _, in := range f.Inputs {
		markFollowed(in)
	}
	for _, name := range f.InputOrder {
		n, ok := f.Formals[name]
		if !ok || name == "self" || strings.HasPrefix(name, "_") || used[name] {
			continue
		}
		d := a.report(n, analysis.Hint, "outputs-unused-input", "input '%s' is not used by outputs", name)
		d.Unnecessary = true
	}
}

// identifierTexts collects the names referenced under n: variables, and
// the names of `inherit x;` (which refers to the variable x).
func identifierTexts(v *syntax.View, n syntax.NodeID) map[string]bool {
	out := map[string]bool{}
	for m, end := n, v.SubtreeEnd(n); m < end; m++ {
		switch v.Kind(m) {
		case grammar.KindIdentifier:
			if !content(v, m) {
				continue
			}
		case grammar.KindAttribute:
			p := v.Parent(m)
			if !content(v, m) || v.Nodes[m].Field != fieldAttribute || !v.Is(p, grammar.KindInherit) || v.ChildByField(p, fieldSource) != none {
				continue // not inherited, or inherit (e) x: an attribute of e
			}
		default:
			continue
		}
		out[string(v.Src[v.Nodes[m].Start:v.Nodes[m].End])] = true
	}
	return out
}

func sortedInputs(m map[string]*Input) []*Input {
	if len(m) == 0 {
		return nil
	}
	out := make([]*Input, 0, len(m))
	for _, in := range m {
		out = append(out, in)
	}
	slices.SortFunc(out, func(x, y *Input) int { return strings.Compare(x.Name, y.Name) })
	return out
}

// checkLock compares the declared inputs with flake.lock.
func (a *analyzer) checkLock() {
	lock := a.opts.Lock
	rootNode := lock.Nodes[lock.Root]
	if rootNode == nil {
		return
	}
	declared := map[string]bool{}
	for _, name := range a.flake.InputOrder {
		declared[name] = true
	}
	for name := range a.flake.Formals {
		if name != "self" {
			declared[name] = true
		}
	}
	for _, name := range a.flake.InputOrder {
		in := a.flake.Inputs[name]
		edge := rootNode.Input(name)
		if edge == nil {
			d := a.report(in.Key, analysis.Warning, "lock-missing-input",
				"input '%s' is not in flake.lock; run `nix flake lock` to add it", name)
			d.Related = []analysis.Related{{File: a.opts.LockFile, Start: rootNode.KeyStart, End: rootNode.KeyEnd, Message: "the root node's inputs"}}
			continue
		}
		if in.HasFoll {
			if !edge.IsFollows || strings.Join(edge.Follows, "/") != strings.Join(in.Follows, "/") {
				a.report(in.Key, analysis.Warning, "lock-stale-input", "flake.lock does not record `follows = \"%s\"` for '%s'; run `nix flake lock`", strings.Join(in.Follows, "/"), name)
			}
			continue
		}
		if edge.IsFollows {
			a.report(in.Key, analysis.Warning, "lock-stale-input", "flake.lock still has '%s' following '%s'; run `nix flake lock`", name, strings.Join(edge.Follows, "/"))
			continue
		}
		node := lock.Nodes[edge.Node]
		if node == nil || node.Original == nil {
			continue
		}
		diff, at := "", in.URLNode
		if in.HasRef {
			diff = compareOriginal(in, node.Original)
		} else if _, hasType := in.Attrs["type"]; hasType {
			diff, at = compareAttrs(in, node.Original), in.Key
		}
		if diff != "" {
			d := a.report(at, analysis.Warning, "lock-stale-input",
				"flake.lock was made for another reference of '%s' (%s); run `nix flake update %s`", name, diff, name)
			d.Related = []analysis.Related{{File: a.opts.LockFile, Start: node.Original.Start, End: node.Original.End, Message: "the locked original reference"}}
		}
	}
	// Overrides of inputs the dependency does not have (a warning since
	// Nix 2.11: input has an override for a non-existent input).
	for _, name := range a.flake.InputOrder {
		in := a.flake.Inputs[name]
		node, err := lock.Resolve([]string{name})
		if err != nil || node == nil || !node.Flake {
			continue
		}
		for _, sub := range sortedInputs(in.Inputs) {
			if node.Input(sub.Name) == nil && rootNode.Input(name) != nil && !rootNode.Input(name).IsFollows {
				a.report(sub.Key, analysis.Warning, "input-override-missing",
					"input '%s' has an override for a non-existent input '%s' (its flake.lock node has no such input); check the name", name, sub.Name)
			}
		}
	}
	for _, e := range rootNode.Inputs {
		if !declared[e.Name] {
			a.diags = append(a.diags, analysis.Diagnostic{File: a.opts.LockFile, Start: e.KeyStart, End: e.KeyEnd, Severity: analysis.Warning,
				Code: "lock-unused-input", Unnecessary: true,
				Message: fmt.Sprintf("flake.lock has input '%s', which flake.nix no longer declares; `nix flake lock` will remove it", e.Name)})
		}
	}
	for _, dup := range lock.Duplicates() {
		for i, other := range dup.Others {
			n := lock.Nodes[other]
			msg := fmt.Sprintf("%s is locked twice (%s and %s); add `%s` to flake.nix to use one copy",
				dup.Source, dup.Keep, other, dup.Fixes[i])
			a.diags = append(a.diags, analysis.Diagnostic{File: a.opts.LockFile, Start: n.KeyStart, End: n.KeyEnd,
				Severity: analysis.Information, Code: "lock-duplicate-dependency", Message: msg})
		}
	}
}

// compareOriginal says how the lock's original differs from the reference
// in flake.nix, or "" when they match.
func compareOriginal(in *Input, orig *lockfile.Value) string {
	get := func(k string) string {
		if v := orig.Get(k); v != nil && v.Kind == lockfile.String {
			return v.Str
		}
		return ""
	}
	r := in.Ref
	if r.Type == "" {
		// The reference itself is wrong (an unknown scheme): that is
		// reported on the URL, and comparing it with the lock says nothing.
		return ""
	}
	if get("type") != r.Type {
		return fmt.Sprintf("type %s in flake.lock, %s in flake.nix", get("type"), r.Type)
	}
	check := func(what, want, got string) string {
		if want != got {
			return fmt.Sprintf("%s %q in flake.lock, %q in flake.nix", what, got, want)
		}
		return ""
	}
	switch r.Type {
	case "github", "gitlab", "sourcehut":
		for _, c := range [][3]string{{"owner", r.Owner, get("owner")}, {"repo", r.Repo, get("repo")}, {"ref", r.Ref, get("ref")}, {"rev", r.Rev, get("rev")}, {"dir", r.Dir, get("dir")}} {
			if d := check(c[0], c[1], c[2]); d != "" {
				return d
			}
		}
	case "indirect":
		for _, c := range [][3]string{{"id", r.ID, get("id")}, {"ref", r.Ref, get("ref")}, {"rev", r.Rev, get("rev")}} {
			if d := check(c[0], c[1], c[2]); d != "" {
				return d
			}
		}
	}
	return ""
}

// compareAttrs compares an attribute-form input with the lock's original.
func compareAttrs(in *Input, orig *lockfile.Value) string {
	want := map[string]string{}
	for k, v := range in.Attrs {
		want[k] = v
	}
	if in.URL != "" {
		want["url"] = in.URL
	}
	got := map[string]string{}
	for _, m := range orig.Members {
		switch m.Value.Kind {
		case lockfile.String:
			got[m.Key] = m.Value.Str
		case lockfile.Number:
			got[m.Key] = m.Value.Raw
		case lockfile.Bool:
			got[m.Key] = fmt.Sprint(m.Value.Bool)
		}
	}
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if want[k] != got[k] {
			return fmt.Sprintf("%s %q in flake.lock, %q in flake.nix", k, got[k], want[k])
		}
	}
	return ""
}

func describeKind(kind string) string {
	switch kind {
	case grammar.KindLet:
		return "let expression"
	case grammar.KindWith:
		return "with expression"
	case grammar.KindLambda:
		return "function"
	case grammar.KindApply:
		return "function call"
	case grammar.KindAttrset, grammar.KindRecAttrset:
		return "attribute set"
	}
	return strings.ReplaceAll(kind, "_", " ")
}

// nixType is how Nix names the type of a value it did not evaluate.
func (a *analyzer) nixType(n syntax.NodeID) string {
	switch a.v.Kind(n) {
	case grammar.KindString, grammar.KindIndentedString, grammar.KindUri:
		if _, ok := stringText(a.v, n); !ok {
			return "a thunk" // joined from pieces when evaluated
		}
		return "a string"
	case grammar.KindAttrset, grammar.KindRecAttrset:
		return "a set"
	case grammar.KindList:
		return "a list"
	case grammar.KindLambda:
		return "a function"
	case grammar.KindInteger:
		return "an integer"
	case grammar.KindFloat:
		return "a float"
	case grammar.KindPath:
		return "a path"
	}
	return "a thunk"
}

// isSetLiteral: an attribute set literal, `rec` or not (Nix reads both
// without evaluating them, when no attribute name is computed).
func isSetLiteral(v *syntax.View, n syntax.NodeID) bool {
	k := v.Kind(n)
	return k == grammar.KindAttrset || k == grammar.KindRecAttrset
}

// recChildren reads the attributes of a `rec { ... }` value, which
// collectBindings leaves to the caller (in outputs, a rec set is a scope
// that eval reads itself).
func recChildren(v *syntax.View, at *attr) {
	if n := unwrap(v, at.value); at.children == nil && n != none && v.Kind(n) == grammar.KindRecAttrset {
		at.children = newAttrSet()
		collectBindings(v, at.children, n)
	}
}

// pieces explains why a string Nix must read as a literal is not one,
// when it has no interpolation: an indented string that Nix's lexer cut
// into pieces, which Nix joins only when it evaluates them.
func (a *analyzer) pieces(n syntax.NodeID) string {
	n = unwrap(a.v, n)
	if n == none || a.v.Kind(n) != grammar.KindIndentedString {
		return ""
	}
	for c := a.v.FirstChild(n); c != none; c = a.v.Next(c) {
		if content(a.v, c) && a.v.Kind(c) == grammar.KindInterpolation {
			return ""
		}
	}
	return "; an indented string with an escape ('' before $, ' or \\) or a $ or ' just before its closing '' is made of several pieces, which Nix joins only when it evaluates it (write a \"...\" string instead)"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
