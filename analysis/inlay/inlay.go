// Package inlay lists the inlay hints of a flake.nix: after each input's
// URL what flake.lock locked it to (`30e58f6 · 21 months`), and after a
// follows string the lock node it resolves to where that is not the name
// it ends with.
package inlay

import (
	"fmt"
	"strings"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/hover"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// Hint is one inlay hint: Label shown at Offset, Tooltip (Markdown) on
// demand.
type Hint struct {
	Offset  int
	Label   string
	Tooltip string
}

// Hints lists the hints of u between start and end (byte offsets), in
// text order. now dates the locks.
func Hints(u *unit.Unit, start, end int, now time.Time) []Hint {
	if !u.IsFlake() || u.Lock == nil {
		return nil
	}
	lf := u.Lock
	root := lf.Nodes[lf.Root]
	if root == nil {
		return nil
	}
	v := u.View
	var out []Hint
	add := func(at int, label, tip string) {
		if at >= start && at <= end && label != "" {
			out = append(out, Hint{Offset: at, Label: label, Tooltip: tip})
		}
	}
	for _, name := range u.Flake.InputOrder {
		in := u.Flake.Inputs[name]
		if in == nil {
			continue
		}
		// After the URL, or after the name of an input written as
		// attributes (type, owner, repo).
		at := syntax.NoNode
		switch {
		case in.URLNode != syntax.NoNode:
			at = in.URLNode
		case !in.HasFoll && in.Key != syntax.NoNode:
			at = in.Key
		}
		if at != syntax.NoNode {
			if n, err := lf.Resolve([]string{name}); err == nil && n != nil && n.Locked != nil {
				add(v.End(at), Short(n, now), tooltip(n, now))
			}
		}
		followsHints(u, in, []string{name}, add, now)
	}
	// Text order: inputs are listed in declaration order, follows nested
	// in them.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Offset < out[j-1].Offset; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// followsHints adds the hints of an input's follows and of the follows in
// its overrides (inputs.a.inputs.b.follows).
func followsHints(u *unit.Unit, in *flake.Input, path []string, add func(int, string, string), now time.Time) {
	v := u.View
	// A follows of one name is that input of this flake: obvious. One
	// through another input's inputs is not.
	if in.HasFoll && in.FollNode != syntax.NoNode && len(in.Follows) > 1 {
		if n, err := u.Lock.Resolve(in.Follows); err == nil && n != nil && n.Locked != nil {
			label := "→ " + source(n)
			if sh := Short(n, now); sh != "" {
				label += " " + sh
			}
			add(v.End(in.FollNode), label, fmt.Sprintf("`%s` follows `%s`: flake.lock node `%s`.\n\n%s",
				strings.Join(path, "/"), strings.Join(in.Follows, "/"), n.Key, hover.LockedWords(n, now)))
		}
	}
	for name, sub := range in.Inputs {
		followsHints(u, sub, append(append([]string{}, path...), name), add, now)
	}
}

// Short is a lock node in a few characters: its short revision and age,
// or what it has of them.
func Short(n *lockfile.Node, now time.Time) string {
	var parts []string
	if r := n.Locked.Get("rev"); r != nil && r.Str != "" {
		parts = append(parts, r.Str[:min(7, len(r.Str))])
	}
	if lm := n.Locked.Get("lastModified"); lm != nil && lm.Num > 0 {
		parts = append(parts, Age(now.Sub(time.Unix(int64(lm.Num), 0))))
	}
	return strings.Join(parts, " · ")
}

// source names what a lock node locks, briefly: owner/repo for the
// forges, else its node name.
func source(n *lockfile.Node) string {
	get := func(k string) string {
		if v := n.Locked.Get(k); v != nil {
			return v.Str
		}
		return ""
	}
	switch get("type") {
	case "github", "gitlab", "sourcehut":
		if o, r := get("owner"), get("repo"); o != "" && r != "" {
			return o + "/" + r
		}
	}
	return n.Key
}

func tooltip(n *lockfile.Node, now time.Time) string {
	return fmt.Sprintf("Locked in flake.lock (node `%s`): %s", n.Key, hover.LockedWords(n, now))
}

// Age is a duration as a short age: `today`, `3 days`, `21 months`,
// `4 years`.
func Age(d time.Duration) string { return hover.ShortAge(d) }
