package nixgen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
)

// readTree returns the files under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteModuleTree(t *testing.T) {
	const modules = 300
	dir := t.TempDir()
	st, err := WriteModuleTree(dir, modules, 7)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if len(files) != st.Files || st.Files != modules+1 {
		t.Errorf("%d files on disk, Stats.Files %d, want %d", len(files), st.Files, modules+1)
	}
	var total int64
	for _, b := range files {
		total += int64(len(b))
	}
	if total != st.Bytes {
		t.Errorf("%d bytes on disk, Stats.Bytes %d", total, st.Bytes)
	}
	if len(st.Paths) != st.Options {
		t.Errorf("%d paths for %d options", len(st.Paths), st.Options)
	}
	seen := map[string]bool{}
	for _, p := range st.Paths {
		if seen[p] {
			t.Errorf("option %s declared twice", p)
		}
		seen[p] = true
	}
	// module-list.nix lists `modules` entries, each an existing file or a
	// directory with a default.nix.
	list := files["nixos/modules/module-list.nix"]
	var entries []string
	for _, l := range strings.Split(string(list), "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "./") {
			entries = append(entries, l)
		}
	}
	if len(entries) != modules {
		t.Errorf("module-list.nix lists %d modules, want %d", len(entries), modules)
	}
	dirs := 0
	for _, e := range entries {
		p := "nixos/modules/" + strings.TrimPrefix(e, "./")
		if files[p] == nil {
			if files[p+"/default.nix"] == nil {
				t.Errorf("%s: no such file", e)
			}
			dirs++
		}
	}
	// Every module has the shape: an enable option, a cfg, a config.
	computed, withOpts := 0, 0
	for p, b := range files {
		if p == "nixos/modules/module-list.nix" || p == "nixos/modules/rename.nix" {
			continue
		}
		s := string(b)
		if !strings.Contains(s, "mkEnableOption") || !strings.Contains(s, "cfg = config.") || !strings.Contains(s, "config = ") {
			t.Errorf("%s does not look like a module:\n%s", p, s)
		}
		if strings.Contains(s, ".${name}") {
			computed++
		}
		if strings.Contains(s, "options.") || strings.Contains(s, "options = {") {
			withOpts++
		}
		if strings.Count(s, "{") != strings.Count(s, "}") || strings.Count(s, "[") != strings.Count(s, "]") || strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "''")%2 != 0 {
			t.Errorf("%s: unbalanced brackets or strings", p)
		}
	}
	if st.Computed == 0 || computed == 0 {
		t.Errorf("no computed declarations (%d, %d files)", st.Computed, computed)
	}
	rename := string(files["nixos/modules/rename.nix"])
	if !strings.Contains(rename, "mkRenamedOptionModule [") || !strings.Contains(rename, "mkRemovedOptionModule [") || st.Renamed == 0 {
		t.Errorf("rename.nix: %d entries\n%s", st.Renamed, rename)
	}
	perModule := float64(st.Options) / float64(modules)
	if perModule < 7 || perModule > 14 {
		t.Errorf("%.1f options per module, want about 10 as in NixOS", perModule)
	}
	t.Logf("%d modules (%d as directories, %d computed): %d files, %d bytes, %d options, %d computed, %d renamed",
		modules, dirs, computed, st.Files, st.Bytes, st.Options, st.Computed, st.Renamed)

	// Deterministic: the same seed writes the same tree, another seed
	// another.
	dir2 := t.TempDir()
	st2, err := WriteModuleTree(dir2, modules, 7)
	if err != nil {
		t.Fatal(err)
	}
	files2 := readTree(t, dir2)
	if st2.Bytes != st.Bytes || st2.Options != st.Options || len(files2) != len(files) {
		t.Errorf("second run: %+v vs %+v", st2.Bytes, st.Bytes)
	}
	for p, b := range files {
		if !bytes.Equal(files2[p], b) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}
	st3, err := WriteModuleTree(t.TempDir(), modules, 8)
	if err != nil {
		t.Fatal(err)
	}
	if st3.Bytes == st.Bytes && st3.Options == st.Options {
		t.Error("another seed wrote the same tree")
	}
}

// TestWriteModuleTreeNixpkgsSized: 2,000 modules make a tree of
// nixpkgs' size (about 20,000 options, 10–12 MB).
func TestWriteModuleTreeNixpkgsSized(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 11 MB")
	}
	st, err := WriteModuleTree(t.TempDir(), 2000, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("2000 modules: %d files, %.1f MB, %d options, %d computed, %d renamed", st.Files, float64(st.Bytes)/1e6, st.Options, st.Computed, st.Renamed)
	if st.Options < 16000 || st.Options > 24000 {
		t.Errorf("%d options, want about 20,000", st.Options)
	}
	if st.Bytes < 8e6 || st.Bytes > 20e6 {
		t.Errorf("%d bytes, want 8–20 MB", st.Bytes)
	}
}

func TestWriteModuleTreeSmall(t *testing.T) {
	for _, n := range []int{0, 1, 2} {
		st, err := WriteModuleTree(t.TempDir(), n, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := n + 1; st.Files != want {
			t.Errorf("modules=%d: %d files, want %d", n, st.Files, want)
		}
	}
}

// TestModuleTreeParsesInNix: real Nix parses every file of a tree and
// finds every variable bound (nix-instantiate --parse), when it is
// installed.
func TestModuleTreeParsesInNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("no nix-instantiate")
	}
	dir := t.TempDir()
	if _, err := WriteModuleTree(dir, 200, 11); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range readTree(t, dir) {
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(p)))
	}
	res, err := nixoracle.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Verdict != nixoracle.Accept {
			b, _ := os.ReadFile(paths[i])
			t.Errorf("%s: %v at %d:%d: %s\n%s", paths[i], r.Verdict, r.Line, r.Col, r.Message, b)
		}
	}
}
