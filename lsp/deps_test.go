package lsp

import (
	"encoding/json"
	"github.com/flake-lsp/flake-lsp/internal/treecopy"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	nixstore "github.com/flake-lsp/flake-lsp/analysis/store"
)

// putInStore copies the tree src into the store st at the store path of
// its NAR hash (as Nix would after fetching it) and returns the hash (SRI)
// and the store path.
func putInStore(t *testing.T, st nixstore.Store, src string) (string, string) {
	t.Helper()
	staging := filepath.Join(t.TempDir(), "tree")
	copyTree(t, src, staging)
	h, err := nixstore.HashPath(staging)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := st.SourcePath(h)
	if err != nil {
		t.Fatal(err)
	}
	copyTree(t, staging, st.OnDisk(sp))
	return h.SRI(), sp
}

// copyTree copies regular files and directories (0644 and 0755: the NAR
// hash depends on the executable bit only).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := treecopy.Copy(src, dst); err != nil {
		t.Fatal(err)
	}
}

// TestDependencyFeatures runs testdata/deps/consumer.txt (markers as in
// testdata/features) against a temporary store holding the fixture
// flakes: completion, hover and definition read the inputs' own
// flake.nix files there. Store paths and temporary directories are
// written as $STORE/<name>-source and $TMP in consumer.golden.
func TestDependencyFeatures(t *testing.T) {
	storeDir := t.TempDir()
	t.Setenv("NIX_STORE_DIR", storeDir)
	t.Setenv("NIX_STORE", "")
	st := nixstore.Store{Dir: storeDir, Real: storeDir}
	hm, hmPath := putInStore(t, st, "../testdata/deps/dep")
	np, npPath := putInStore(t, st, "../testdata/deps/nixpkgs")
	gone, _ := nixstore.ParseHash("sha256-2ZpL0xq5SFMZRUsBn1J5M4xdjXCu1Ls9ftFPIkBMKNo=")
	gonePath, _ := st.SourcePath(gone)

	data, err := os.ReadFile("../testdata/deps/consumer.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("@HM_NARHASH@", hm, "@NIXPKGS_NARHASH@", np).Replace(string(data))
	caseFile := filepath.Join(t.TempDir(), "consumer.txt")
	if err := os.WriteFile(caseFile, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	now = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	got := runFeatureCase(t, parseFeatureCase(t, caseFile))

	var pairs []string
	for _, p := range [][2]string{{hmPath, "home-manager"}, {npPath, "nixpkgs"}, {gonePath, "gone"}} {
		pairs = append(pairs, p[0], "$STORE/"+p[1]+"-source", filepath.Base(p[0]), p[1]+"-source")
	}
	pairs = append(pairs, "../"+filepath.Base(storeDir)+"/", "$STORE/", storeDir, "$STORE", filepath.Dir(storeDir), "$TMP")
	got = strings.NewReplacer(pairs...).Replace(got)

	golden := "../testdata/deps/consumer.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("answers differ from %s (rerun with -update and review the diff):\n%s", golden, diffLines(string(want), got))
	}
}

// TestStoreSetting: the `store` setting says where the store is; here a
// chroot store (its paths read /nix/store/..., its files are under the
// root), with the dependency in it.
func TestStoreSetting(t *testing.T) {
	t.Setenv("NIX_STORE_DIR", "")
	t.Setenv("NIX_STORE", "")
	root := t.TempDir()
	st := nixstore.Store{Dir: nixstore.DefaultDir, Real: filepath.Join(root, "nix", "store")}
	hm, hmPath := putInStore(t, st, "../testdata/deps/dep")
	dir := t.TempDir()
	flakeNix := "{\n  inputs.home-manager.url = \"github:nix-community/home-manager\";\n  outputs = { self, home-manager }: { };\n}\n"
	lock := `{"nodes": {"home-manager": {"locked": {"narHash": "` + hm + `", "owner": "nix-community", "repo": "home-manager", "rev": "1111111111111111111111111111111111111111", "type": "github"},
"original": {"owner": "nix-community", "repo": "home-manager", "type": "github"}}, "root": {"inputs": {"home-manager": "home-manager"}}}, "root": "root", "version": 7}`
	for name, text := range map[string]string{"flake.nix": flakeNix, "flake.lock": lock} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hover := func(store string) string {
		ss := newSession(t, nil)
		settings := map[string]any{}
		if store != "" {
			settings["store"] = store
		}
		raw, _ := json.Marshal(settings)
		ss.mu.Lock()
		ss.config = raw
		ss.mu.Unlock()
		var res map[string]any
		if err := ss.call("initialize", map[string]any{"rootUri": pathURI(dir), "initializationOptions": settings, "capabilities": map[string]any{}}, &res); err != nil {
			t.Fatal(err)
		}
		ss.notify("initialized", map[string]any{})
		uri := pathURI(filepath.Join(dir, "flake.nix"))
		ss.open(uri, flakeNix)
		var h map[string]any
		if err := ss.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 1, "character": 12}}, &h); err != nil {
			t.Fatal(err)
		}
		return h["contents"].(map[string]any)["value"].(string)
	}
	onDisk := st.OnDisk(hmPath)
	if got := hover(root); !strings.Contains(got, "Source: `"+onDisk+"`") || !strings.Contains(got, "a small stand-in for home-manager") {
		t.Errorf("with the store setting %s:\n%s", root, got)
	}
	if got := hover("local?root=" + root); !strings.Contains(got, "Source: `"+onDisk+"`") {
		t.Errorf("with local?root=:\n%s", got)
	}
	if got := hover("dummy://"); !strings.Contains(got, "in a store that is not on this disk") {
		t.Errorf("with a store not on this disk:\n%s", got)
	}
}

func TestStoreSettingValues(t *testing.T) {
	for _, tc := range []struct {
		raw, store, problem string
	}{
		{`{"store": "/x"}`, "/x", ""},
		{`{"store": "local?root=/x"}`, "local?root=/x", ""},
		{`{"store": 3}`, "", `setting "store": expected a store`},
		{`{"store": "local?store=relative"}`, "", `setting "store": store 'local?store=relative'`},
	} {
		st, problems := applySettings(json.RawMessage(tc.raw))
		if st.Store != tc.store {
			t.Errorf("%s: store %q, want %q", tc.raw, st.Store, tc.store)
		}
		got := strings.Join(problems, "; ")
		if tc.problem == "" && got != "" || !strings.Contains(got, tc.problem) {
			t.Errorf("%s: problems %q, want %q", tc.raw, got, tc.problem)
		}
	}
}
