package syntax

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
)

// knownDifferences are files where Nix 2.8 (the oracle here) and current
// Nix disagree; flake-lsp follows current Nix. Keyed by path prefix under
// the repository root.
var knownDifferences = map[string]string{
	"testdata/parse/newer/": "pipe operators |> and <| exist since Nix 2.24; Nix 2.8 rejects them",
}

func knownDifference(rel string) (string, bool) {
	for prefix, why := range knownDifferences {
		if strings.HasPrefix(rel, prefix) {
			return why, true
		}
	}
	return "", false
}

// TestAgainstNix compares our syntax verdict with nix-instantiate --parse on
// every .nix file under testdata/. Files Nix rejects for a binding error
// (undefined variable, ...) say nothing about syntax and are skipped here;
// the scope analysis has its own differential test.
func TestAgainstNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("SKIPPED: nix-instantiate is not installed (apt-get install nix-bin); the syntax differential test did not run")
	}
	root := filepath.Join("..", "testdata")
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".nix") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no .nix files under testdata/")
	}
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i], _ = filepath.Abs(f)
	}
	results, err := nixoracle.Files(abs)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for i, f := range files {
		rel := filepath.ToSlash(strings.TrimPrefix(f, ".."+string(filepath.Separator)))
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		errs := Parse(src).Errors(src)
		ours := len(errs) > 0
		nix := results[i]
		if why, ok := knownDifference(rel); ok {
			counts["known difference"]++
			if ours {
				t.Errorf("%s: expected to parse (%s), got %s", rel, why, errs[0].Message)
			}
			continue
		}
		switch nix.Verdict {
		case nixoracle.Accept:
			counts["both accept"]++
			if ours {
				e := errs[0]
				t.Errorf("%s: Nix accepts, we report %d:%d: %s", rel, e.Start.Row+1, e.Start.Column+1, e.Message)
			}
		case nixoracle.SyntaxError:
			counts["both reject"]++
			if !ours {
				t.Errorf("%s: Nix rejects (%s), we accept", rel, nix.Message)
			}
		case nixoracle.BindingError:
			counts["binding error (not compared)"]++
		default:
			counts["no verdict from Nix"]++
		}
	}
	t.Logf("%d files: %v", len(files), counts)
}
