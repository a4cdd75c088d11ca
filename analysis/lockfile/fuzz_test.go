package lockfile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzParse reads any bytes as flake.lock: no panic, every problem and
// every node, edge and JSON value inside the text, and the graph queries
// (Resolve, Reachable, Paths, Duplicates) finish on whatever graph it
// describes, cycles included.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/*/*/flake.lock")
	if len(files) < 20 {
		f.Fatalf("only %d seed locks", len(files))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`{"nodes":{"root":{"inputs":{"a":["b"],"b":["a"]}}},"root":"root","version":7}`))
	f.Add([]byte(`{"a":[1,2.5e3,-0,true,false,null,"\u00e9\ud83d\ude00"]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		inside := func(what string, start, end int) {
			if start < 0 || end < start || end > len(src) {
				t.Errorf("%s at [%d,%d) outside the text of %d bytes", what, start, end, len(src))
			}
		}
		if doc, err := ParseJSON(src); err == nil {
			var walk func(v *Value)
			walk = func(v *Value) {
				inside("JSON value", v.Start, v.End)
				for _, it := range v.Items {
					walk(it)
				}
				for _, m := range v.Members {
					inside("JSON key "+m.Key, m.KeyStart, m.KeyEnd)
					walk(m.Value)
				}
			}
			walk(doc)
		} else if se, ok := err.(*SyntaxError); ok {
			inside("JSON error", se.Offset, se.Offset)
		}
		lf, problems := Parse(src)
		for _, p := range problems {
			if p.Code == "" || p.Message == "" {
				t.Errorf("problem without code or message: %+v", p)
			}
			inside("problem "+p.Code, p.Start, p.End)
		}
		if lf == nil {
			return
		}
		if len(lf.Keys) != len(lf.Nodes) {
			t.Errorf("%d keys for %d nodes", len(lf.Keys), len(lf.Nodes))
		}
		for _, key := range lf.Keys {
			n := lf.Nodes[key]
			if n == nil {
				t.Fatalf("key %q without a node", key)
			}
			inside("node "+key, n.Start, n.End)
			inside("node key "+key, n.KeyStart, n.KeyEnd)
			for _, e := range n.Inputs {
				inside("edge "+e.Name, e.Start, e.End)
				inside("edge key "+e.Name, e.KeyStart, e.KeyEnd)
				if got := n.Input(e.Name); got == nil {
					t.Errorf("Input(%q) does not find an edge of %q", e.Name, key)
				}
				lf.Resolve([]string{e.Name})
				if e.IsFollows {
					lf.Resolve(e.Follows)
				}
			}
		}
		reach := lf.Reachable()
		for key, path := range lf.Paths() {
			if lf.Nodes[key] == nil {
				continue // the root key, named but absent
			}
			if !reach[key] {
				t.Errorf("node %q has a path %v but is not reachable", key, path)
			}
			if got, err := lf.Resolve(path); err != nil || got != lf.Nodes[key] {
				t.Errorf("path %v of node %q resolves to %v (%v)", path, key, got, err)
			}
		}
		for _, d := range lf.Duplicates() {
			if len(d.Others) == 0 || len(d.Fixes) != len(d.Others) {
				t.Errorf("duplicate %s: %d others, %d fixes", d.Source, len(d.Others), len(d.Fixes))
			}
		}
	})
}

// TestResolveFollowsChain: each input follows a path of two inputs that
// follow in turn, down to one that follows the root. Resolving used to
// redo every follows path at each use, 2^40 steps here (a lock of 1.5 KB
// a malicious repository could ship); now each path is resolved once.
func TestResolveFollowsChain(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"nodes":{"root":{"inputs":{`)
	const n = 40
	for i := 0; i < n-1; i++ {
		fmt.Fprintf(&b, `"a%d":["a%d","a%d"],`, i, i+1, i+1)
	}
	fmt.Fprintf(&b, `"a%d":[]}}},"root":"root","version":7}`, n-1)
	lf, problems := Parse([]byte(b.String()))
	if lf == nil {
		t.Fatalf("not read: %v", problems)
	}
	got, err := lf.Resolve([]string{"a0"})
	if err != nil || got != lf.Nodes["root"] {
		t.Fatalf("a0 resolves to %v (%v), want the root", got, err)
	}
	// A cycle is still one.
	lf, _ = Parse([]byte(`{"nodes":{"root":{"inputs":{"a":["b","c"],"b":["a"]}}},"root":"root","version":7}`))
	if _, err := lf.Resolve([]string{"a"}); err == nil {
		t.Fatalf("a follows cycle resolved")
	}
}

// TestDuplicateKeys: of a node, an input or an attribute given twice, the
// last counts, as in Nix (`builtins.fromJSON "{\"a\":1,\"a\":2}"` is
// `{ a = 2; }`, and lock files go through the same parser); the node is
// listed once (FuzzParse found it listed twice).
func TestDuplicateKeys(t *testing.T) {
	lf, problems := Parse([]byte(`{"nodes": {
		"a": {"locked": {"type": "github", "owner": "o", "repo": "r", "rev": "0000000000000000000000000000000000000000", "narHash": "sha256-x"}, "original": {"type": "github", "owner": "o", "repo": "r"}, "flake": false},
		"root": {"inputs": {"a": "b", "a": "a"}},
		"a": {"locked": {"type": "github", "owner": "o", "repo": "r", "rev": "1111111111111111111111111111111111111111", "narHash": "sha256-y"}, "original": {"type": "github", "owner": "o", "repo": "r"}}
	}, "root": "root", "version": 6, "version": 7}`))
	if lf == nil {
		t.Fatalf("not read: %v", problems)
	}
	if len(problems) != 0 {
		t.Errorf("problems: %+v", problems)
	}
	if lf.Version != 7 {
		t.Errorf("version %d, want the last, 7", lf.Version)
	}
	if !slices.Equal(lf.Keys, []string{"root", "a"}) {
		t.Errorf("keys %q, want each once, in the order of their last definitions", lf.Keys)
	}
	a := lf.Nodes["a"]
	if rev := a.Locked.Get("rev").Str; rev[0] != '1' || !a.Flake {
		t.Errorf("node a is the first definition (rev %s, flake %v)", rev, a.Flake)
	}
	if root := lf.Nodes["root"]; len(root.Inputs) != 1 || root.Input("a").Node != "a" {
		t.Errorf("root inputs %+v, want one: a -> a", root.Inputs)
	}
	if d := lf.Duplicates(); len(d) != 0 {
		t.Errorf("a node given twice is not a duplicated dependency: %+v", d)
	}
}
