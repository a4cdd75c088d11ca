package env

import (
	"fmt"
	"slices"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/analysis/modules"
	"github.com/flake-lsp/flake-lsp/analysis/options"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Diagnostic codes of the option checks.
const (
	CodeUnknownOption = "unknown-option"
	CodeRenamedOption = "option-renamed"
	CodeRemovedOption = "option-removed"
)

// CheckOptions checks the settings of the unit's modules against their
// system's option index: renamed and removed options (a warning; a fix
// for a renamed one when the new path can be written in its place), and
// unknown options where a declared one has a close name (a warning: a
// typo). Only modules whose system the flake's module graph gives are
// checked, and never an option under an open prefix.
//
// A name with no close declared one is not reported: modules from other
// flakes (sops-nix, home-manager's NixOS module, ...) declare options
// that no index here has read, and calling those unknown would be false.
func CheckOptions(u *unit.Unit) []analysis.Diagnostic {
	if u == nil || u.View == nil || u.Env == nil || len(u.Env.Options) == 0 {
		return nil
	}
	var out []analysis.Diagnostic
	for _, m := range Modules(u).Modules {
		if !m.Certain {
			continue
		}
		idx := Options(u, m)
		if idx == nil {
			continue
		}
		modules.Settings(u.View, m, func(s modules.Setting) bool {
			base := len(s.Path) - len(s.Keys)
			for i := range s.Keys {
				path := s.Path[:base+i+1]
				if path[0] == "_module" || idx.IsOpen(path[:len(path)-1]) {
					return false
				}
				d, ok := idx.Lookup(path)
				if !ok {
					if len(idx.Children(path)) > 0 {
						continue // a set of options
					}
					if idx.IsOpen(path) {
						return false
					}
					if diag, ok := unknown(u, idx, path, s.Keys[i]); ok {
						out = append(out, diag)
					}
					return false
				}
				switch d.Kind {
				case options.Renamed:
					if !d.Alias {
						out = append(out, renamed(u, d, s, base, i))
					}
					return false
				case options.Removed:
					msg := fmt.Sprintf("the option `%s` was removed", strings.Join(d.Path, "."))
					if d.Message != "" {
						msg += ": " + d.Message
					}
					k := s.Keys[i]
					out = append(out, analysis.Diagnostic{File: u.Path, Start: k.Start, End: k.End, Severity: analysis.Warning, Code: CodeRemovedOption, Message: msg})
					return false
				case options.Option:
					if !d.Submodule {
						// A value: what is set inside is not options.
						return false
					}
				}
			}
			return true
		})
	}
	return out
}

// unknown reports path when a declared sibling has a name close to its
// last one.
func unknown(u *unit.Unit, idx *options.Index, path []string, k modules.Key) (analysis.Diagnostic, bool) {
	name := path[len(path)-1]
	parent := path[:len(path)-1]
	var close []string
	for _, c := range idx.Children(parent) {
		if options.IsWildcard(c.Name) {
			return analysis.Diagnostic{}, false // an attrsOf element: any name goes
		}
		if c.Decl != nil && c.Decl.Internal {
			continue
		}
		if d := distance(strings.ToLower(name), strings.ToLower(c.Name)); d <= 2 && d*3 <= len(name) {
			close = append(close, c.Name)
		}
	}
	if len(close) == 0 {
		return analysis.Diagnostic{}, false
	}
	if len(close) > 3 {
		close = close[:3]
	}
	where := "`" + strings.Join(parent, ".") + "`"
	if len(parent) == 0 {
		where = "the top level"
	}
	msg := fmt.Sprintf("no option `%s` is declared under %s; did you mean `%s`?", name, where, strings.Join(close, "`, `"))
	d := analysis.Diagnostic{File: u.Path, Start: k.Start, End: k.End, Severity: analysis.Warning, Code: CodeUnknownOption, Message: msg}
	if len(close) == 1 {
		d.Fix = &analysis.Fix{Title: "Change to " + close[0], Start: k.Start, End: k.End, Replacement: close[0]}
	}
	return d, true
}

// renamed reports a renamed option, with a fix when the binding's own
// names cover the old path and the new path shares what comes before.
func renamed(u *unit.Unit, d *options.Decl, s modules.Setting, base, i int) analysis.Diagnostic {
	k := s.Keys[i]
	msg := fmt.Sprintf("the option `%s` was renamed to `%s`", strings.Join(d.Path, "."), strings.Join(d.To, "."))
	if d.Message != "" {
		msg += ": " + d.Message
	}
	diag := analysis.Diagnostic{File: u.Path, Start: s.Keys[0].Start, End: k.End, Severity: analysis.Warning, Code: CodeRenamedOption, Message: msg}
	prefix := s.Path[:base]
	if len(d.To) > len(prefix) && len(d.To) >= len(prefix) && slices.Equal(d.To[:len(prefix)], prefix) && !containsWildcard(d.To) {
		repl := strings.Join(quoteAll(d.To[len(prefix):]), ".")
		diag.Fix = &analysis.Fix{Title: "Change to " + strings.Join(d.To, "."), Start: s.Keys[0].Start, End: k.End, Replacement: repl}
	}
	return diag
}

func containsWildcard(p []string) bool {
	for _, s := range p {
		if options.IsWildcard(s) {
			return true
		}
	}
	return false
}

// quoteAll writes names as attribute names (quoted when not plain).
func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if !syntax.PlainName(n) {
			out[i] = `"` + strings.ReplaceAll(strings.ReplaceAll(n, `\`, `\\`), `"`, `\"`) + `"`
		}
	}
	return out
}

// distance is the Levenshtein distance of a and b (bytes).
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
