// Package nixpkgs indexes a nixpkgs tree without evaluating it: the
// functions and values of its library (lib, with their documentation
// comments) and the names of its top-level packages, read from the syntax
// of the files that define them.
//
// Both indexes are built from what the text says literally: a binding
// whose value only evaluation could name (a function call building an
// attribute set, an attribute taken from an argument) is listed by its
// name alone, and nothing that is computed is listed at all.
package nixpkgs

import (
	"github.com/flake-lsp/flake-lsp/internal/safefs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// maxFileSize bounds what the indexes read of one file: nixpkgs' largest
// Nix files (the maintainer list, all-packages.nix) are under 1 MB; a
// file past this is not nixpkgs source.
const maxFileSize = 32 << 20

// IsNixpkgs reports whether root looks like a nixpkgs tree: it has
// lib/default.nix and pkgs/top-level/all-packages.nix.
func IsNixpkgs(root string) bool {
	return isFile(filepath.Join(root, "lib", "default.nix")) &&
		isFile(filepath.Join(root, "pkgs", "top-level", "all-packages.nix"))
}

// HasLib reports whether root holds a nixpkgs library: root/lib (a nixpkgs
// tree or the nixpkgs.lib flake) or root itself (a checkout of lib/).
func HasLib(root string) bool {
	_, ok := libDir(root)
	return ok
}

// libDir is the library's directory relative to root, slash-separated
// ("lib" or "").
func libDir(root string) (string, bool) {
	for _, dir := range []string{"lib", ""} {
		d := filepath.Join(root, filepath.FromSlash(dir))
		if isFile(filepath.Join(d, "default.nix")) && isFile(filepath.Join(d, "trivial.nix")) {
			return dir, true
		}
	}
	return "", false
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// parsed is one file's syntax.
type parsed struct {
	rel      string // slash-separated, relative to the index's root
	v        *syntax.View
	comments []syntax.NodeID // comment nodes in source order
}

// parseFile reads and parses root/rel; nil if it cannot be read or is too
// large.
func parseFile(root, rel string) (*parsed, int64) {
	src, err := readBounded(filepath.Join(root, filepath.FromSlash(rel)), maxFileSize)
	if err != nil {
		return nil, 0
	}
	return parseSource(rel, src), int64(len(src))
}

func parseSource(rel string, src []byte) *parsed {
	t := syntax.Parse(src)
	v := syntax.NewView(t, src)
	t.Close()
	p := &parsed{rel: rel, v: v}
	for i := range v.Nodes {
		if v.Nodes[i].Flags&grammar.FlagExtra != 0 && v.Kind(syntax.NodeID(i)) == grammar.KindComment {
			p.comments = append(p.comments, syntax.NodeID(i))
		}
	}
	return p
}

// readBounded reads a regular file of at most max bytes.
func readBounded(name string, max int64) ([]byte, error) {
	return safefs.ReadFile(name, max)
}

// resolvePath is the file a Nix path literal in file rel names, relative
// to the root: a directory's default.nix when the path does not end in
// .nix and exists as a directory (stat is true), or names no file. ok is
// false for paths that leave the root or are not relative.
func resolvePath(root, rel, lit string, stat bool) (string, bool) {
	if !strings.HasPrefix(lit, "./") && !strings.HasPrefix(lit, "../") {
		return "", false
	}
	p := path.Join(path.Dir(rel), lit)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	if strings.HasSuffix(p, ".nix") {
		return p, true
	}
	if !stat {
		return p + "/default.nix", true
	}
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(p)))
	if err == nil && fi.IsDir() {
		return p + "/default.nix", true
	}
	return p, true
}

// --- syntax helpers ---------------------------------------------------------

const none = syntax.NoNode

func content(v *syntax.View, n syntax.NodeID) bool {
	return v.Nodes[n].Flags&(grammar.FlagNamed|grammar.FlagExtra) == grammar.FlagNamed
}

// unparen strips parentheses.
func unparen(v *syntax.View, n syntax.NodeID) syntax.NodeID {
	for n != none && v.Kind(n) == grammar.KindParenthesized {
		n = v.Child(n, grammar.FieldExpression)
	}
	return n
}

// attrName is the name an attribute node (identifier, `or`, or a string
// without interpolation) stands for.
func attrName(v *syntax.View, n syntax.NodeID) (string, bool) {
	switch v.Kind(n) {
	case grammar.KindAttribute, grammar.KindIdentifier:
		return v.Text(n), true
	case grammar.KindString:
		return stringLiteral(v, n)
	}
	return "", false
}

// attrpathNames is the names of an attrpath, ok false if one is dynamic.
func attrpathNames(v *syntax.View, n syntax.NodeID) ([]string, []syntax.NodeID, bool) {
	var names []string
	var nodes []syntax.NodeID
	for c := v.FirstChild(n); c != none; c = v.Next(c) {
		if !content(v, c) {
			continue
		}
		name, ok := attrName(v, c)
		if !ok {
			return nil, nil, false
		}
		names = append(names, name)
		nodes = append(nodes, c)
	}
	return names, nodes, len(names) > 0
}

// selectPath is the names of `a.b.c` (an identifier or a select of
// literal attributes without a default), nil otherwise.
func selectPath(v *syntax.View, n syntax.NodeID) []string {
	n = unparen(v, n)
	switch v.Kind(n) {
	case grammar.KindIdentifier:
		return []string{v.Text(n)}
	case grammar.KindSelect:
		if v.Child(n, grammar.FieldDefault) != none {
			return nil
		}
		base := v.Child(n, grammar.FieldExpression)
		if v.Kind(base) != grammar.KindIdentifier {
			return nil
		}
		names, _, ok := attrpathNames(v, v.Child(n, grammar.FieldAttrpath))
		if !ok {
			return nil
		}
		return append([]string{v.Text(base)}, names...)
	}
	return nil
}

// stringLiteral is the value of a string or indented string without
// interpolation.
func stringLiteral(v *syntax.View, n syntax.NodeID) (string, bool) {
	kind := v.Kind(n)
	if kind != grammar.KindString && kind != grammar.KindIndentedString {
		return "", false
	}
	var b strings.Builder
	for c := v.FirstChild(n); c != none; c = v.Next(c) {
		switch v.Kind(c) {
		case grammar.KindStringFragment:
			b.WriteString(v.Text(c))
		case grammar.KindEscapeSequence:
			if kind == grammar.KindString {
				b.WriteString(unescape(v.Text(c)))
			} else {
				b.WriteString(unescapeIndented(v.Text(c)))
			}
		case grammar.KindInterpolation:
			return "", false
		case grammar.KindComment:
		default:
			if v.IsNamed(c) {
				return "", false
			}
		}
	}
	if kind == grammar.KindIndentedString {
		return dedent(b.String()), true
	}
	return b.String(), true
}

// unescape decodes one escape of a "string": \n, \r, \t, or the character
// itself.
func unescape(s string) string {
	if len(s) < 2 || s[0] != '\\' {
		return s
	}
	switch s[1] {
	case 'n':
		return "\n"
	case 'r':
		return "\r"
	case 't':
		return "\t"
	}
	return s[1:]
}

// unescapeIndented decodes one escape of an indented string: two single
// quotes then `$`, a third quote, or a backslash and a character.
func unescapeIndented(s string) string {
	switch {
	case s == "'''":
		return "''"
	case strings.HasPrefix(s, "''\\"):
		return unescape(s[2:])
	case strings.HasPrefix(s, "''"):
		return s[2:]
	}
	return s
}

// dedent strips an indented string's common indentation and its first
// line when blank, as Nix does, and trims the result.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	indent := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" {
			continue
		}
		if d := len(l) - len(t); indent < 0 || d < indent {
			indent = d
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		} else {
			lines[i] = strings.TrimLeft(l, " ")
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
