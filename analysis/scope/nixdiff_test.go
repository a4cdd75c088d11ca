package scope

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
	"github.com/flake-lsp/flake-lsp/syntax"
)

// nixFiles lists every .nix file under the testdata directories the
// differential test covers.
func nixFiles(t *testing.T, dirs ...string) []string {
	var files []string
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join("..", "..", "testdata", d), func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(p, ".nix") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	return files
}

// analyzeFile parses and analyses one file; syntaxErrors is how many
// syntax errors the file has.
func analyzeFile(t testing.TB, path string) (res *Result, syntaxErrors int) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tree := syntax.Parse(src)
	defer tree.Close()
	v := syntax.NewView(tree, src)
	return Analyze(v, Options{File: path, Flake: filepath.Base(path) == "flake.nix"}), len(tree.Errors(src))
}

// TestAgainstNix: on every .nix file of testdata, "Nix rejects it while
// binding names" (nix-instantiate --parse: undefined variable, duplicate
// attribute or formal, dynamic attribute in let or inherit) must equal
// "we report an error-level binding diagnostic". Files that Nix or we
// reject as syntax errors are out of scope (syntax.TestAgainstNix compares
// those).
func TestAgainstNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("nix-instantiate is not installed; the differential test needs Nix 2.8+")
	}
	files := nixFiles(t, "parse", "flakes", "nixcheck", "scope", "nix")
	scopeFiles := 0
	for _, f := range files {
		if strings.Contains(filepath.ToSlash(f), "testdata/scope/") {
			scopeFiles++
		}
	}
	if scopeFiles < 150 {
		t.Fatalf("only %d files in testdata/scope", scopeFiles)
	}
	results, err := nixoracle.Files(files)
	if err != nil {
		t.Fatal(err)
	}
	var accepted, rejected, syntaxSkipped, noVerdict, disagree int
	for i, f := range files {
		r := results[i]
		if r.Verdict == nixoracle.NoVerdict {
			noVerdict++
			continue
		}
		res, syntaxErrors := analyzeFile(t, f)
		if r.Verdict == nixoracle.SyntaxError || syntaxErrors > 0 {
			syntaxSkipped++
			continue
		}
		var ours []string
		for _, d := range res.Diagnostics {
			if d.Severity == 1 && IsBindingError(d.Code) {
				ours = append(ours, fmt.Sprintf("%s at %d", d.Code, d.Start))
			}
		}
		nixRejects := r.Verdict == nixoracle.BindingError
		switch {
		case nixRejects && len(ours) > 0:
			rejected++
		case !nixRejects && len(ours) == 0:
			accepted++
		default:
			disagree++
			t.Errorf("%s: Nix says %q, we report %v", f, r.Message, ours)
		}
	}
	t.Logf("%d files: %d accepted by both, %d rejected by both for a binding error, %d disagree; %d syntax errors and %d without a Nix verdict not compared",
		len(files), accepted, rejected, disagree, syntaxSkipped, noVerdict)
}
