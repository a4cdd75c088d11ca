package deps

import (
	"github.com/flake-lsp/flake-lsp/internal/treecopy"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/flake-lsp/flake-lsp/analysis/flake"
	"github.com/flake-lsp/flake-lsp/analysis/lockfile"
	"github.com/flake-lsp/flake-lsp/analysis/scope"
	"github.com/flake-lsp/flake-lsp/analysis/store"
	"github.com/flake-lsp/flake-lsp/analysis/unit"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// copyTree copies regular files and directories of src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := treecopy.Copy(src, dst); err != nil {
		t.Fatal(err)
	}
}

// putInStore places the tree src in st at the store path of its NAR
// hash, as Nix does once it has fetched it, and returns the hash.
func putInStore(t *testing.T, st store.Store, src string) store.Hash {
	t.Helper()
	staging := filepath.Join(t.TempDir(), "tree")
	copyTree(t, src, staging)
	h, err := store.HashPath(staging)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := st.SourcePath(h)
	if err != nil {
		t.Fatal(err)
	}
	copyTree(t, staging, st.OnDisk(sp))
	return h
}

// fixture is a temporary store with testdata/deps/dep (as home-manager)
// and testdata/deps/nixpkgs in it, and a consumer flake's directory.
type fixture struct {
	st          store.Store
	hm, nixpkgs store.Hash
	consumer    string
	oldNixpkgs  store.Hash // what dep's own flake.lock locks
}

func newFixture(t *testing.T) *fixture {
	dir := t.TempDir()
	f := &fixture{st: store.Store{Dir: filepath.Join(dir, "store"), Real: filepath.Join(dir, "store")}, consumer: filepath.Join(dir, "consumer")}
	f.hm = putInStore(t, f.st, "../../testdata/deps/dep")
	f.nixpkgs = putInStore(t, f.st, "../../testdata/deps/nixpkgs")
	own, _ := os.ReadFile("../../testdata/deps/dep/flake.lock")
	lf, _ := lockfile.Parse(own)
	n, err := lf.Resolve([]string{"nixpkgs"})
	if err != nil {
		t.Fatal(err)
	}
	if f.oldNixpkgs, err = store.ParseHash(n.Locked.Get("narHash").Str); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(f.consumer, 0o755); err != nil {
		t.Fatal(err)
	}
	return f
}

// lock is a consumer lock: home-manager and nixpkgs, home-manager's
// nixpkgs following ours when follows, else not in the lock at all.
func (f *fixture) lock(t *testing.T, follows bool) *lockfile.LockFile {
	t.Helper()
	hmInputs := ""
	if follows {
		hmInputs = `"inputs": { "nixpkgs": [ "nixpkgs" ] },`
	}
	src := `{
  "nodes": {
    "home-manager": { ` + hmInputs + `
      "locked": { "narHash": "` + f.hm.SRI() + `", "owner": "nix-community", "repo": "home-manager", "rev": "1111111111111111111111111111111111111111", "type": "github" },
      "original": { "owner": "nix-community", "repo": "home-manager", "type": "github" } },
    "nixpkgs": {
      "locked": { "narHash": "` + f.nixpkgs.SRI() + `", "owner": "NixOS", "repo": "nixpkgs", "rev": "2222222222222222222222222222222222222222", "type": "github" },
      "original": { "owner": "NixOS", "repo": "nixpkgs", "type": "github" } },
    "notflake": { "flake": false,
      "locked": { "narHash": "` + f.nixpkgs.SRI() + `", "type": "tarball", "url": "file:///x.tar.gz" },
      "original": { "type": "tarball", "url": "file:///x.tar.gz" } },
    "gone": {
      "locked": { "narHash": "` + f.oldNixpkgs.SRI() + `", "owner": "example", "repo": "gone", "rev": "3333333333333333333333333333333333333333", "type": "github" },
      "original": { "owner": "example", "repo": "gone", "type": "github" } },
    "tools": { "locked": { "path": "./tools", "type": "path" }, "original": { "path": "./tools", "type": "path" }, "parent": [] },
    "root": { "inputs": { "home-manager": "home-manager", "nixpkgs": "nixpkgs", "notflake": "notflake", "gone": "gone", "tools": "tools" } }
  },
  "root": "root",
  "version": 7
}`
	lf, problems := lockfile.Parse([]byte(src))
	if lf == nil || len(problems) > 0 {
		t.Fatalf("lock: %v", problems)
	}
	return lf
}

// analysed is a unit for flake.nix source text with sources from set.
func analysed(path string, src []byte, lf *lockfile.LockFile, set *Set) *unit.Unit {
	tree := syntax.Parse(src)
	v := syntax.NewView(tree, src)
	tree.Close()
	u := &unit.Unit{Path: path, Src: src, View: v, Lock: lf, Sources: set}
	u.Flake = flake.Analyze(v, flake.Options{File: path, Lock: lf}).Flake
	u.Scope = scope.Analyze(v, scope.Options{File: path, Flake: true})
	return u
}

func TestDependencyInTheStore(t *testing.T) {
	f := newFixture(t)
	r := New(f.st)
	set := r.For(f.consumer, f.lock(t, true))
	d := set.Dependency([]string{"home-manager"})
	hmPath, _ := f.st.SourcePath(f.hm)
	if d == nil || d.Unit == nil || d.Dir != hmPath || !d.Source.Present {
		t.Fatalf("home-manager: %+v", d)
	}
	if got := d.Unit.Flake.Description; got != "Home configurations, a small stand-in for home-manager" {
		t.Errorf("description %q", got)
	}
	if d.Unit.Lock == nil || d.Unit.LockPath != filepath.Join(hmPath, "flake.lock") {
		t.Errorf("its own flake.lock was not read: %v %q", d.Unit.Lock, d.Unit.LockPath)
	}
	// Follows respected: home-manager's nixpkgs is ours, not the one its
	// own lock has.
	np := set.Dependency([]string{"home-manager", "nixpkgs"})
	npPath, _ := f.st.SourcePath(f.nixpkgs)
	if np == nil || np.Dir != npPath || np.Unit == nil {
		t.Fatalf("home-manager/nixpkgs: %+v", np)
	}
	if np.Unit != set.Dependency([]string{"nixpkgs"}).Unit {
		t.Errorf("the same store path was analysed twice")
	}
	// Absent, not a flake, too deep, unknown.
	if g := set.Dependency([]string{"gone"}); g == nil || g.Problem != "absent" || g.Dir != "" || g.Unit != nil || g.Source.StorePath == "" {
		t.Errorf("gone: %+v", g)
	}
	if nf := set.Dependency([]string{"notflake"}); nf == nil || nf.Unit != nil || !strings.Contains(nf.Problem, "not a flake") || nf.Dir != npPath {
		t.Errorf("notflake: %+v", nf)
	}
	if x := set.Dependency([]string{"nope"}); x != nil {
		t.Errorf("an input the lock lacks: %+v", x)
	}
	if x := set.Dependency([]string{"home-manager", "nixpkgs", "a", "b", "c"}); x != nil {
		t.Errorf("deeper than the limit: %+v", x)
	}
	if n := r.Reads(); n != 2 {
		t.Errorf("%d flake.nix files analysed, want 2", n)
	}
	// Another flake, another Set: the cache serves it.
	again := r.For(f.consumer, f.lock(t, true)).Dependency([]string{"home-manager"})
	if again.Unit != d.Unit || r.Reads() != 2 {
		t.Errorf("store paths are immutable: the cached analysis should serve (reads %d)", r.Reads())
	}
}

func TestDependencyThroughItsOwnLock(t *testing.T) {
	f := newFixture(t)
	// home-manager's inputs are not in this lock: its own flake.lock (in
	// its source) says where its nixpkgs is, and that is not here.
	set := New(f.st).For(f.consumer, f.lock(t, false))
	np := set.Dependency([]string{"home-manager", "nixpkgs"})
	old, _ := f.st.SourcePath(f.oldNixpkgs)
	if np == nil || np.Problem != "absent" || np.Source.StorePath != old {
		t.Fatalf("home-manager/nixpkgs through its own lock: %+v", np)
	}
	if np.Node == nil || np.Node.Locked.Get("rev").Str != "0123456789abcdef0123456789abcdef01234567" {
		t.Errorf("not its own lock's node: %+v", np.Node)
	}
	// Put that nixpkgs in the store: the next look finds it (absence is
	// not remembered).
	putOld := filepath.Join(t.TempDir(), "old")
	copyTree(t, "../../testdata/deps/nixpkgs", putOld)
	if err := os.WriteFile(filepath.Join(putOld, "flake.nix"), []byte(`{ description = "old"; outputs = { self }: { }; }`), 0o644); err != nil {
		t.Fatal(err)
	}
	copyTree(t, putOld, f.st.OnDisk(old)) // at the path its lock names (the hash does not match: Nix would refuse it, we do not check)
	if np := set.Dependency([]string{"home-manager", "nixpkgs"}); np == nil || np.Unit == nil || np.Unit.Flake.Description != "old" {
		t.Errorf("after it appeared: %+v", np)
	}
}

func TestPathInputReadFromDisk(t *testing.T) {
	f := newFixture(t)
	tools := filepath.Join(f.consumer, "tools")
	if err := os.MkdirAll(tools, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(desc string, when time.Time) {
		p := filepath.Join(tools, "flake.nix")
		if err := os.WriteFile(p, []byte(`{ description = "`+desc+`"; outputs = { self }: { packages.x86_64-linux.default = 1; }; }`), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	write("one", t0)
	r := New(f.st)
	lf := f.lock(t, true)
	d := r.For(f.consumer, lf).Dependency([]string{"tools"})
	if d == nil || d.Unit == nil || d.Dir != tools || d.Unit.Flake.Description != "one" {
		t.Fatalf("tools: %+v", d)
	}
	write("two", t0.Add(time.Second))
	d = r.For(f.consumer, lf).Dependency([]string{"tools"})
	if d.Unit.Flake.Description != "two" || r.Reads() != 2 {
		t.Errorf("a changed path: input is read again: %q, %d reads", d.Unit.Flake.Description, r.Reads())
	}
	if d = r.For(f.consumer, lf).Dependency([]string{"tools"}); d.Unit == nil || r.Reads() != 2 {
		t.Errorf("an unchanged one is not (%d reads)", r.Reads())
	}
}

func TestLimits(t *testing.T) {
	f := newFixture(t)
	r := New(f.st)
	r.SetLimits(100, 1)
	set := r.For(f.consumer, f.lock(t, true))
	d := set.Dependency([]string{"home-manager"})
	if d == nil || d.Unit != nil || !strings.Contains(d.Problem, "larger than 100 bytes") {
		t.Errorf("a flake.nix above the size limit: %+v", d)
	}
	if x := set.Dependency([]string{"home-manager", "nixpkgs"}); x != nil {
		t.Errorf("a path deeper than the depth limit: %+v", x)
	}
}

func TestMembersFindAndFiles(t *testing.T) {
	f := newFixture(t)
	lf := f.lock(t, true)
	set := New(f.st).For(f.consumer, lf)
	u := analysed(filepath.Join(f.consumer, "flake.nix"), []byte(`{ outputs = { self, home-manager, nixpkgs, ... }: { }; }`), lf, set)
	names := func(dep, out []string) []string {
		ms, ok := Members(u, dep, out)
		if !ok {
			return []string{"<not read>"}
		}
		var s []string
		for _, m := range ms {
			s = append(s, m.Name)
		}
		return s
	}
	hm := []string{"home-manager"}
	for _, tc := range []struct {
		dep, out, want []string
	}{
		{hm, nil, []string{"nixosModules", "darwinModules", "packages", "lib", "overlays", "legacyPackages"}},
		{hm, []string{"nixosModules"}, []string{"home-manager", "default"}},
		// A literal system, then those of the genAttrs list.
		{hm, []string{"packages"}, []string{"x86_64-linux", "aarch64-linux", "x86_64-darwin", "aarch64-darwin"}},
		// x86_64-linux is not in the genAttrs list: only the literal's.
		{hm, []string{"packages", "x86_64-linux"}, []string{"docs", "default"}},
		{hm, []string{"packages", "aarch64-darwin"}, []string{"default", "home-manager"}},
		// legacyPackages = nixpkgs.legacyPackages: our nixpkgs' (follows).
		{hm, []string{"legacyPackages"}, []string{"x86_64-linux"}},
		{hm, []string{"legacyPackages", "x86_64-linux"}, []string{"hello", "cowsay"}},
		{[]string{"home-manager", "nixpkgs"}, []string{"lib"}, []string{"genAttrs", "mkIf"}},
		{[]string{"gone"}, nil, []string{"<not read>"}},
	} {
		if got := names(tc.dep, tc.out); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v %v: %v, want %v", tc.dep, tc.out, got, tc.want)
		}
	}
	hmPath, _ := f.st.SourcePath(f.hm)
	for _, tc := range []struct {
		out  []string
		file string // FileOf, "" for none
		in   string // the dependency defining it
		line int
	}{
		{[]string{"nixosModules", "home-manager"}, "modules/home-manager.nix", "home-manager", 13},
		{[]string{"nixosModules", "default"}, "", "home-manager", 14},
		{[]string{"darwinModules", "home-manager"}, "modules/home-manager.nix", "home-manager", 16},
		{[]string{"lib", "hm"}, "modules/lib.nix", "home-manager", 29},
		{[]string{"packages", "aarch64-linux", "default"}, "", "home-manager", 24},
		{[]string{"packages", "x86_64-linux", "default"}, "", "home-manager", 22},
		{[]string{"legacyPackages", "x86_64-linux", "hello"}, "", "home-manager/nixpkgs", 10},
		// inherit (nixpkgs.lib) genAttrs;
		{[]string{"lib", "genAttrs"}, "", "home-manager", 31},
	} {
		tg, ok := Find(u, hm, tc.out)
		if !ok {
			t.Errorf("%v: not found", tc.out)
			continue
		}
		if got := strings.Join(tg.Dep.Path, "/"); got != tc.in {
			t.Errorf("%v: defined by %s, want %s", tc.out, got, tc.in)
		}
		if line := strings.Count(string(tg.Dep.Unit.Src[:tg.Entry.Key.Start]), "\n") + 1; line != tc.line {
			t.Errorf("%v: line %d, want %d", tc.out, line, tc.line)
		}
		file, ok := FileOf(tg)
		want := ""
		if tc.file != "" {
			want = filepath.Join(hmPath, tc.file)
		}
		if !ok {
			file = ""
		}
		if file != want {
			t.Errorf("%v: file %q, want %q", tc.out, file, want)
		}
	}
	// Next: from the inherit on into nixpkgs.
	if tg, ok := Find(u, hm, []string{"lib", "genAttrs"}); !ok {
		t.Errorf("lib.genAttrs not found")
	} else if next, ok := Next(u, tg); !ok || strings.Join(next.Dep.Path, "/") != "home-manager/nixpkgs" || strings.Join(next.Path, ".") != "lib.genAttrs" {
		t.Errorf("Next of lib.genAttrs: %+v %v", next, ok)
	}
	if tg, ok := Find(u, hm, []string{"lib", "hm"}); ok {
		if next, ok := Next(u, tg); ok {
			t.Errorf("lib.hm is no input's attribute: %+v", next)
		}
	}
	if _, ok := Find(u, hm, []string{"nixosModules", "nothing"}); ok {
		t.Errorf("found what is not there")
	}
}
