package syntax

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/flake-lsp/flake-lsp/grammar"
	"github.com/flake-lsp/flake-lsp/internal/nixgen"
	"github.com/flake-lsp/flake-lsp/internal/nixoracle"
)

// TestFuzzAgainstNix is the generative differential fuzzer: random programs
// from nixgen (grammar-aware, with odd spacing), structural programs whose
// printed AST must equal Nix's, and token mutations of testdata files and of
// generated programs. Every one is judged by our parser and by Nix.
//
// FLAKE_LSP_FUZZ_N sets the number of programs (default 2000, for CI);
// FLAKE_LSP_FUZZ_SEED the seed (default 1).
func TestFuzzAgainstNix(t *testing.T) {
	if !nixoracle.Available() {
		t.Skip("SKIPPED: nix-instantiate is not installed (apt-get install nix-bin); the differential fuzzer did not run")
	}
	total := envInt(t, "FLAKE_LSP_FUZZ_N", 2000)
	seed := int64(envInt(t, "FLAKE_LSP_FUZZ_SEED", 1))
	r := rand.New(rand.NewSource(seed))
	gen := nixgen.New(seed)
	structural := nixgen.New(seed + 1)
	structural.Structural = true
	corpus := testdataSources(t)

	type program struct {
		kind string
		text string
	}
	dir := t.TempDir()
	counts := map[string]int{}
	var failures []string
	const batch = 400
	for done := 0; done < total; {
		n := batch
		if total-done < n {
			n = total - done
		}
		progs := make([]program, n)
		for i := range progs {
			switch k := r.Intn(10); {
			case k < 4:
				progs[i] = program{"generated", gen.Program()}
			case k < 6:
				progs[i] = program{"structural", structural.Program()}
			default:
				base := corpus[r.Intn(len(corpus))]
				if r.Intn(2) == 0 {
					base = gen.Program()
				}
				text := base
				for m := 1 + r.Intn(3); m > 0; m-- {
					text = nixgen.Mutate(r, text, tokenSpans([]byte(text)))
				}
				progs[i] = program{"mutated", text}
			}
		}
		paths := make([]string, n)
		for i, p := range progs {
			paths[i] = filepath.Join(dir, fmt.Sprintf("p%d.nix", i))
			if err := os.WriteFile(paths[i], []byte(p.text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		results, err := nixoracle.Files(paths)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range progs {
			src := []byte(p.text)
			tree := Parse(src)
			ours := len(tree.Errors(src)) > 0
			nix := results[i]
			pipe := hasPipe(tree.RootNode())
			var ast string
			var astErr error
			if p.kind == "structural" && nix.Verdict == nixoracle.Accept {
				ast, astErr = nixAST(tree.RootNode(), src)
			}
			// Free the C memory now: a long run makes many trees and Go's
			// collector does not see their size.
			tree.Close()
			if pipe {
				counts["pipe (newer Nix only)"]++
				continue
			}
			switch nix.Verdict {
			case nixoracle.Accept:
				counts[p.kind+" accepted"]++
				if ours {
					failures = append(failures, fmt.Sprintf("Nix accepts, we reject:\n%s", p.text))
					continue
				}
				if p.kind == "structural" && (astErr != nil || ast != nix.AST) {
					failures = append(failures, fmt.Sprintf("AST differs:\n%s\nNix:  %s\nours: %s (%v)", p.text, nix.AST, ast, astErr))
				}
			case nixoracle.SyntaxError:
				counts[p.kind+" rejected"]++
				if !ours {
					failures = append(failures, fmt.Sprintf("Nix rejects (%s), we accept:\n%s", nix.Message, p.text))
				}
			case nixoracle.BindingError:
				counts["binding error"]++
			default:
				counts["no verdict"]++
			}
		}
		done += n
		if total > 10*batch {
			// Long runs report as they go (visible with -v).
			t.Logf("%d/%d programs, %d disagreements so far", done, total, len(failures))
		}
	}
	t.Logf("%d programs (seed %d): %v", total, seed, counts)
	if len(failures) > 0 {
		if len(failures) > 15 {
			failures = append(failures[:15], fmt.Sprintf("... and %d more", len(failures)-15))
		}
		t.Fatalf("%d disagreements with Nix:\n\n%s", len(failures), strings.Join(failures, "\n\n"))
	}
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, v, err)
	}
	return n
}

func testdataSources(t *testing.T) []string {
	var out []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "parse", "*", "*.nix"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 4000 {
			out = append(out, string(b))
		}
	}
	if len(out) == 0 {
		out = append(out, "{ a = 1; b = [ 1 2 ]; c = x: x.y or 2; }")
	}
	return out
}

// tokenSpans lists the byte ranges of the leaves of src's tree.
func tokenSpans(src []byte) [][2]int {
	var spans [][2]int
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		if n.ChildCount() == 0 {
			if n.EndByte() > n.StartByte() {
				spans = append(spans, [2]int{int(n.StartByte()), int(n.EndByte())})
			}
			return
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			walk(n.Child(i))
		}
	}
	tree := Parse(src)
	defer tree.Close()
	walk(tree.RootNode())
	return spans
}

func hasPipe(n *sitter.Node) bool {
	if n.Type() == grammar.KindBinary {
		if op := n.ChildByFieldName(grammar.FieldOperator); op != nil && (op.Type() == "|>" || op.Type() == "<|") {
			return true
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if hasPipe(n.NamedChild(i)) {
			return true
		}
	}
	return false
}
