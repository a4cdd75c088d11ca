package scope

import (
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/builtins"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Diagnostic codes (documented in docs/diagnostics.md, "Names and scopes").
const (
	CodeUndefined          = "undefined-variable"
	CodeDuplicateAttribute = "duplicate-attribute"
	CodeDuplicateFormal    = "duplicate-formal"
	CodeDuplicateAtName    = "duplicate-at-name"
	CodeDynamicLet         = "dynamic-let-attribute"
	CodeDynamicInherit     = "dynamic-inherit-attribute"
	CodeUnusedLet          = "unused-let-binding"
	CodeUnusedFormal       = "unused-formal"
	CodeUnusedAt           = "unused-at-name"
	CodeUnusedParam        = "unused-lambda-parameter"
	CodeUnusedWith         = "unused-with"
	CodeUnnecessaryRec     = "unnecessary-rec"
	CodeEmptyInherit       = "empty-inherit"
	CodeLegacyLet          = "legacy-let"
	CodeURLLiteral         = "url-literal"
	CodeShadowedBuiltin    = "shadowed-builtin"
)

// Codes lists every code this package reports.
var Codes = []string{CodeUndefined, CodeDuplicateAttribute, CodeDuplicateFormal, CodeDuplicateAtName,
	CodeDynamicLet, CodeDynamicInherit, CodeUnusedLet, CodeUnusedFormal, CodeUnusedAt, CodeUnusedParam,
	CodeUnusedWith, CodeUnnecessaryRec, CodeEmptyInherit, CodeLegacyLet, CodeURLLiteral, CodeShadowedBuiltin}

// IsBindingError reports whether a code is one Nix rejects a file for
// while binding its names (before evaluating anything).
func IsBindingError(code string) bool {
	switch code {
	case CodeUndefined, CodeDuplicateAttribute, CodeDuplicateFormal, CodeDuplicateAtName, CodeDynamicLet, CodeDynamicInherit:
		return true
	}
	return false
}

func (a *analyzer) report(start, end int, sev analysis.Severity, code, msg string) *analysis.Diagnostic {
	a.res.Diagnostics = append(a.res.Diagnostics, analysis.Diagnostic{File: a.opts.File, Start: start, End: end,
		Severity: sev, Code: code, Message: msg, Unnecessary: strings.HasPrefix(code, "unused-") || code == CodeUnnecessaryRec})
	return &a.res.Diagnostics[len(a.res.Diagnostics)-1]
}

func (a *analyzer) reportRelated(start, end int, sev analysis.Severity, code, msg string, other NodeID, note string) {
	d := a.report(start, end, sev, code, msg)
	if other != syntax.NoNode {
		d.Related = []analysis.Related{{File: a.opts.File, Start: a.start(other), End: a.end(other), Message: note}}
	}
}

func (a *analyzer) undefined(n NodeID, name string, env *Scope) {
	var names []string
	for s := env; s != nil; s = s.Parent {
		for _, b := range s.Bindings {
			if !strings.HasPrefix(b.Name, "__") || strings.HasPrefix(name, "__") {
				names = append(names, b.Name)
			}
		}
	}
	// Short names are near almost anything: suggest only a name that
	// starts the same way.
	if near := analysis.Closest(name, names); near != "" && (len(name) >= 5 || len(name) >= 3 && strings.EqualFold(near[:1], name[:1])) {
		d := a.report(a.start(n), a.end(n), analysis.Error, CodeUndefined,
			"undefined variable '"+name+"'; did you mean '"+near+"'?")
		d.Fix = &analysis.Fix{Title: "Change to '" + near + "'", Start: a.start(n), End: a.end(n), Replacement: near}
		return
	}
	a.report(a.start(n), a.end(n), analysis.Error, CodeUndefined,
		"undefined variable '"+name+"': nothing in scope defines it; bind it in a let or the function's arguments, or fix the spelling")
}

// shadows reports a binding that hides a builtin of the global scope.
func (a *analyzer) shadows(b *Binding) {
	if a.quiet > 0 || builtins.Global(b.Name) == nil || b.Name == "__findFile" || b.Name == "__nixPath" || a.inErrorRegion(b.Start) {
		return // rebinding __findFile/__nixPath is how <...> lookups are customised
	}
	a.report(b.Start, b.End, analysis.Hint, CodeShadowedBuiltin,
		"'"+b.Name+"' shadows the builtin of the same name here; rename it if the builtin is meant")
}

func (a *analyzer) urlLiteral(n NodeID) {
	if a.quiet > 0 {
		return
	}
	d := a.report(a.start(n), a.end(n), analysis.Warning, CodeURLLiteral,
		"unquoted URL literals are deprecated (the no-url-literals feature rejects them); write it as a string")
	d.Fix = &analysis.Fix{Title: "Quote the URL", Start: a.start(n), End: a.end(n), Replacement: `"` + string(a.src[a.start(n):a.end(n)]) + `"`}
}

func (a *analyzer) legacyLet(n NodeID) {
	if a.quiet > 0 {
		return
	}
	a.report(a.start(n), a.openBrace(n), analysis.Warning, CodeLegacyLet,
		"`let { ...; body = ...; }` is deprecated; write `let ...; in body` instead")
}

func (a *analyzer) emptyInherit(n NodeID) {
	d := a.report(a.start(n), a.end(n), analysis.Hint, CodeEmptyInherit, "this inherit names no attribute and does nothing; remove it")
	d.Unnecessary = true
	s, e := a.removal(a.start(n), a.end(n))
	d.Fix = &analysis.Fix{Title: "Remove the empty inherit", Start: s, End: e}
}

// finish reports what can only be known once every name is bound.
func (a *analyzer) finish() {
	live := map[*Scope]map[*Binding]bool{}
	for _, b := range a.res.Bindings {
		if b.quiet || strings.HasPrefix(b.Name, "_") || a.errWords[b.Name] || a.unreliable(b.Scope.Node) {
			continue
		}
		if b.Scope.Lookup(b.Name) != b {
			continue // a duplicate (already an error): uses went to the other one
		}
		switch b.Kind {
		case KindLet:
			if b.Scope.Kind == ScopeLegacyLet && b.Name == "body" {
				continue
			}
			l := live[b.Scope]
			if l == nil {
				l = b.Scope.live()
				live[b.Scope] = l
			}
			if !l[b] {
				a.unusedLet(b)
			}
		case KindFormal, KindAt, KindParam:
			// self is often taken only to follow a convention (flake
			// outputs, overlays); the flake analysis reports unused inputs.
			if b.reads == 0 && b.Name != "self" && b.Scope.Node != a.outputs && !a.passedOn(b) {
				a.unusedArgument(b)
			}
		}
	}
	for _, wi := range a.withs {
		if wi.quiet || wi.w.Used() || a.unreliable(wi.w.Node) {
			continue
		}
		d := a.report(a.start(wi.w.Node), a.end(wi.w.Node), analysis.Hint, CodeUnusedWith,
			"nothing under this `with` comes from it: every name is bound without it; remove the `with`")
		if wi.w.Body != syntax.NoNode {
			d.End = a.start(wi.w.Body)
			d.Fix = &analysis.Fix{Title: "Remove the with", Start: a.start(wi.w.Node), End: a.start(wi.w.Body)}
		}
	}
	for _, s := range a.recs {
		if a.unreliable(s.Node) {
			continue
		}
		used := false
		for _, b := range s.Bindings {
			if b.reads > 0 || a.errWords[b.Name] {
				used = true
				break
			}
		}
		if used {
			continue
		}
		kw := a.first(s.Node) // the rec keyword
		d := a.report(a.start(kw), a.end(kw), analysis.Hint, CodeUnnecessaryRec,
			"no attribute of this set refers to another, so `rec` is unnecessary; remove it")
		d.Fix = &analysis.Fix{Title: "Remove rec", Start: a.start(kw), End: a.openBrace(s.Node) - 1}
	}
}

// passedOn reports a formal without default of a function whose whole
// argument is used through its @ name (`{ stdenv, ... }@args: f args`):
// the formal still makes the argument required, so it is not unused.
func (a *analyzer) passedOn(b *Binding) bool {
	if b.Kind != KindFormal || b.Value != syntax.NoNode {
		return false
	}
	for _, x := range b.Scope.Bindings {
		if x.Kind == KindAt && x.reads > 0 {
			return true
		}
	}
	return false
}

// unreliable reports whether a syntax error may hide uses in the scope of
// node n: one inside it, or a region around it.
func (a *analyzer) unreliable(n NodeID) bool {
	return a.hasError(n) || a.inErrorRegion(a.start(n))
}

func (a *analyzer) unusedLet(b *Binding) {
	msg := "unused let binding '" + b.Name + "': nothing refers to it; remove it"
	if b.reads > 0 {
		msg = "unused let binding '" + b.Name + "': only itself or other unused bindings refer to it; remove it"
	}
	if b.Scope.Kind == ScopeLegacyLet {
		msg = strings.Replace(msg, "nothing refers", "nothing reachable from body refers", 1)
	}
	d := a.report(b.Start, b.End, analysis.Warning, CodeUnusedLet, msg)
	if b.defs != 1 || b.Def == syntax.NoNode {
		return
	}
	switch a.kind(b.Def) {
	case kBinding:
		path := a.child(b.Def, fAttrpath)
		if path == syntax.NoNode || a.next(a.first(path)) != syntax.NoNode {
			return // a.b = ...: other attributes of a may be defined elsewhere
		}
		s, e := a.removal(a.start(b.Def), a.end(b.Def))
		d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "'", Start: s, End: e}
	case kInherit:
		var names []NodeID
		for c := a.first(b.Def); c != syntax.NoNode; c = a.next(c) {
			if a.nodes[c].Field == fAttribute {
				names = append(names, c)
			}
		}
		if len(names) == 1 {
			s, e := a.removal(a.start(b.Def), a.end(b.Def))
			d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "'", Start: s, End: e}
			return
		}
		s := b.Start
		for s > 0 && (a.src[s-1] == ' ' || a.src[s-1] == '\t' || a.src[s-1] == '\n') {
			s--
		}
		d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "' from the inherit", Start: s, End: b.End}
	}
}

func (a *analyzer) unusedArgument(b *Binding) {
	lambda := b.Scope.Node
	switch b.Kind {
	case KindParam:
		d := a.report(b.Start, b.End, analysis.Warning, CodeUnusedParam,
			"unused parameter '"+b.Name+"'; rename it to _ (or prefix it with _) to say it is ignored")
		d.Fix = &analysis.Fix{Title: "Rename to _", Start: b.Start, End: b.End, Replacement: "_"}
	case KindAt:
		d := a.report(b.Start, b.End, analysis.Warning, CodeUnusedAt,
			"unused @ name '"+b.Name+"': the function never refers to its whole argument; remove it")
		formals := a.child(lambda, fFormals)
		if formals == syntax.NoNode {
			return
		}
		if b.Start < a.start(formals) {
			d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "@'", Start: b.Start, End: a.start(formals)}
		} else {
			d.Fix = &analysis.Fix{Title: "Remove '@" + b.Name + "'", Start: a.end(formals), End: b.End}
		}
	case KindFormal:
		formals := a.child(lambda, fFormals)
		var items []NodeID // formals, commas and the ellipsis, in order
		ellipsis := false
		for c := a.first(formals); c != syntax.NoNode; c = a.next(c) {
			switch k := a.kind(c); {
			case k == kEllipsis:
				ellipsis = true
			case k == kComment:
				continue
			}
			items = append(items, c)
		}
		msg := "unused formal '" + b.Name + "': the function never uses this argument; remove it"
		if !ellipsis {
			msg += " (callers that pass it then need `...` in the argument set)"
		}
		d := a.report(b.Start, b.End, analysis.Warning, CodeUnusedFormal, msg)
		if !ellipsis {
			return // removing it would make the function reject callers that pass it
		}
		isComma := func(i int) bool {
			return i >= 0 && i < len(items) && a.kind(items[i]) == kAnon && a.src[a.start(items[i])] == ','
		}
		for i, c := range items {
			if c != b.Def {
				continue
			}
			switch {
			case isComma(i + 1):
				e := a.end(items[i+1])
				for e < len(a.src) && (a.src[e] == ' ' || a.src[e] == '\t') {
					e++
				}
				d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "'", Start: a.start(c), End: e}
			case isComma(i - 1):
				d.Fix = &analysis.Fix{Title: "Remove '" + b.Name + "'", Start: a.start(items[i-1]), End: a.end(c)}
			}
		}
	}
}

// removal widens [start, end) to its whole line when nothing else is on
// it, else over the spaces after it, so a removal leaves tidy text.
func (a *analyzer) removal(start, end int) (int, int) {
	ls, le := start, end
	for ls > 0 && (a.src[ls-1] == ' ' || a.src[ls-1] == '\t') {
		ls--
	}
	for le < len(a.src) && (a.src[le] == ' ' || a.src[le] == '\t') {
		le++
	}
	if (ls == 0 || a.src[ls-1] == '\n') && (le == len(a.src) || a.src[le] == '\n' || a.src[le] == '\r') {
		if le < len(a.src) && a.src[le] == '\r' {
			le++
		}
		if le < len(a.src) && a.src[le] == '\n' {
			le++
		}
		return ls, le
	}
	return start, le
}
