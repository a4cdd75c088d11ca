package check

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/analysis"
	"github.com/flake-lsp/flake-lsp/position"
)

var update = flag.Bool("update", false, "rewrite golden files")

func render(t *testing.T, diags []analysis.Diagnostic, texts map[string][]byte) string {
	var lines []string
	for _, d := range diags {
		m := position.NewMapper(texts[d.File])
		p := m.Position(d.Start, position.UTF16)
		rel := filepath.ToSlash(strings.TrimPrefix(d.File, filepath.Join("..", "testdata")+string(filepath.Separator)))
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", rel, p.Line+1, p.Character+1, d.Severity, d.Message, d.Code))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// The realistic flakes in testdata/flakes: no error-level diagnostic, the
// three deliberately broken locks found, everything else in a reviewed
// golden file (regenerate with -update). They are checked in a copy
// outside this repository, where each repo-* directory is made a Git
// repository (a .git directory, which git cannot commit here), so that
// its sub-flakes' `path:..` inputs are judged as in the repositories they
// stand for.
func TestRealisticFlakes(t *testing.T) {
	orig := filepath.Join("..", "testdata", "flakes")
	tmp := filepath.Join(t.TempDir(), "flakes")
	if err := os.CopyFS(tmp, os.DirFS(orig)); err != nil {
		t.Fatal(err)
	}
	repos, _ := filepath.Glob(filepath.Join(tmp, "repo-*"))
	if len(repos) < 5 {
		t.Fatalf("only %d repository layouts", len(repos))
	}
	for _, r := range repos {
		if err := os.Mkdir(filepath.Join(r, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files, err := CollectFiles([]string{tmp})
	if err != nil {
		t.Fatal(err)
	}
	copied := map[string][]byte{}
	var diags []analysis.Diagnostic
	flakes := 0
	for _, f := range files {
		if filepath.Base(f) == "flake.nix" {
			flakes++
		}
		d, err := File(f, copied)
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, d...)
	}
	if flakes < 150 {
		t.Fatalf("only %d flakes", flakes)
	}
	// Report the files under their names in the repository.
	texts := map[string][]byte{}
	for f, text := range copied {
		texts[filepath.Join(orig, strings.TrimPrefix(f, tmp))] = text
	}
	for i := range diags {
		diags[i].File = filepath.Join(orig, strings.TrimPrefix(diags[i].File, tmp))
	}
	found := map[string]bool{}
	for _, d := range diags {
		if d.Severity == analysis.Error {
			t.Errorf("%s: %s [%s]", d.File, d.Message, d.Code)
		}
		found[filepath.Base(filepath.Dir(d.File))+" "+d.Code] = true
	}
	for _, want := range []string{"stale-nixpkgs-branch lock-stale-input", "lockmissing-treefmt lock-missing-input", "unused-flake-utils lock-unused-input"} {
		if !found[want] {
			t.Errorf("missing %s", want)
		}
	}
	got := render(t, diags, texts)
	golden := filepath.Join("..", "testdata", "golden", "check-flakes.txt")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("diagnostics differ from %s (run with -update and review the diff):\n%s", golden, got)
	}
}

// knownDifferences lists the testdata/nixcheck cases where our verdict
// differs from Nix 2.8's, each with its reason: newer Nix behaves
// otherwise (flake-lsp follows current Nix), or the verdict depends on the
// user's configuration. The test fails when a case disagrees without
// being listed, and when a listed case starts to agree (then the entry
// goes).
var knownDifferences = map[string]string{
	// The verdict depends on the user's Nix configuration, not on the
	// flake: every Nix ignores an untrusted nixConfig setting (with a
	// warning) unless accept-flake-config is set, and rejects the bad value
	// once it is; the same flake.nix without --accept-flake-config is
	// nixconfig-wrong-value-type, which agrees. flake-lsp warns about the
	// bad value (an error only where every Nix fails).
	"nixconfig-wrong-value-type-accepted": "Nix's verdict depends on accept-flake-config (see nixconfig-wrong-value-type)",
	// Nix 2.8 and current Nix differ; flake-lsp follows current Nix.
	"apps-missing-program":     "Nix 2.25+ checks apps; `nix run` needs program in every version",
	"apps-missing-type":        "Nix 2.25+ checks apps; `nix run` needs type in every version",
	"apps-not-attrset":         "Nix 2.25+ checks apps; `nix run` needs an app set in every version",
	"apps-wrong-type":          "Nix 2.25+ checks apps; `nix run` needs type = \"app\" in every version",
	"formatter-not-derivation": "newer Nix checks that formatter is a derivation (2.8.0 does not)",
	"formatter-per-name":       "newer Nix checks that formatter is a derivation (2.8.0 does not)",
	"nixosmodules-path":        "newer Nix only evaluates a module to a value, so a path is accepted (Nix 2.8 wants a function or a set)",
	"overlay-final-super":      "newer Nix (2.22+) checks only an overlay's first argument; flake-lsp warns (outputs-overlay-prev)",
	"follows-cycle-two":        "Nix 2.19+ rejects follows cycles; 2.8 only loops when the input is used",
	"follows-self-cycle":       "Nix 2.19+ rejects follows cycles; 2.8 only loops when the input is used",
	"input-type-path-relative": "Nix 2.26+ fetches relative path inputs in attribute form",
	"input-url-path-value":     "Nix 2.26+ accepts a path as url",
	"lock-unlocked-entry":      "Nix 2.26+ locks relative path inputs without a hash",
	"url-file-plus-scheme":     "file+https: exists since Nix 2.9",
	"url-path-dir-query":       "newer Nix accepts ?dir= on path: references",
	// Nix ran on the case as a path: flake. Where no Git repository is
	// found above a flake, flake-lsp cannot know which source tree Nix
	// will fetch it in (a repository or an archive, with ?dir=, reaches
	// '..'), so it warns instead.
	"url-path-escape": "no .git above the flake: '..' works only when the flake is fetched inside a larger tree; flake-lsp warns",
	// Whether Nix sees a nixConfig setting that names another through
	// rec as evaluated depends on how it reads the flake: the same
	// flake.nix is accepted as a path: flake (nixconfig-rec-reference)
	// or committed to Git, and rejected from a dirty Git tree (here by
	// check, not metadata). flake-lsp warns.
	"nixconfig-rec-reference-git": "Nix's verdict on a rec reference in nixConfig varies with how it reads the flake; flake-lsp warns",
}

// TestAgainstNixFlakeCheck compares our error verdict with what Nix 2.8
// said (`nix flake metadata` and `nix flake check --no-build`, recorded in
// testdata/nixcheck/*/expected.json) for the small flakes there. Nix ran
// on a copy of each case outside any Git repository (see the README
// there), so the analyzer runs on such a copy too: in place, the case is
// inside this repository, whose root would be the source tree of a
// relative path input.
func TestAgainstNixFlakeCheck(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "nixcheck", "*", "expected.json"))
	if len(cases) < 60 {
		t.Fatalf("only %d cases", len(cases))
	}
	type run struct {
		Exit    int    `json:"exit"`
		Message string `json:"message"`
	}
	var expected struct {
		Metadata run `json:"metadata"`
		Check    run `json:"check"`
	}
	agree, skipped := 0, 0
	for _, c := range cases {
		dir := filepath.Dir(c)
		name := filepath.Base(dir)
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &expected); err != nil {
			t.Fatal(err)
		}
		msg := expected.Metadata.Message + expected.Check.Message
		if strings.Contains(msg, "unable to download") || expected.Metadata.Exit > 1 || expected.Check.Exit > 1 {
			skipped++ // Nix needed the network, or crashed: no verdict
			continue
		}
		nixError := expected.Metadata.Exit != 0 || expected.Check.Exit != 0
		tmp := filepath.Join(t.TempDir(), name)
		if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		flakeDir := tmp
		// A Git repository case: Nix ran on the flake in the named
		// subdirectory of a repository (the .git cannot be committed here).
		if sub, err := os.ReadFile(filepath.Join(dir, "git-subflake")); err == nil {
			if err := os.Mkdir(filepath.Join(tmp, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			flakeDir = filepath.Join(tmp, strings.TrimSpace(string(sub)))
		}
		diags, err := File(filepath.Join(flakeDir, "flake.nix"), map[string][]byte{})
		if err != nil {
			t.Fatal(err)
		}
		ours := false
		for _, d := range diags {
			ours = ours || d.Severity == analysis.Error
		}
		reason, listed := knownDifferences[name]
		switch {
		case ours == nixError && listed:
			t.Errorf("%s now agrees with Nix: remove it from knownDifferences (%s)", name, reason)
		case ours == nixError:
			agree++
		case !listed:
			t.Errorf("%s: Nix error=%v (%s), ours=%v %v", name, nixError, msg, ours, diags)
		}
	}
	t.Logf("%d cases: %d agree, %d listed as known differences, %d without a Nix verdict", len(cases), agree, len(knownDifferences), skipped)
}
