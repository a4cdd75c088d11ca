package scope

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Every file in testdata/scope starts with `# scope: CODE...`, the codes
// (any severity) the analysis must report for it, sorted; the differential
// test checks the same files against Nix.
func TestScopeFiles(t *testing.T) {
	files := nixFiles(t, "scope")
	if len(files) < 150 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		want, ok := header(t, f)
		if !ok {
			t.Errorf("%s: no `# scope:` header", f)
			continue
		}
		res, syntaxErrors := analyzeFile(t, f)
		if syntaxErrors > 0 {
			t.Errorf("%s: syntax errors", f)
		}
		var got []string
		for _, d := range res.Diagnostics {
			got = append(got, d.Code)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%s: got [%s], want [%s]", filepath.Base(f), strings.Join(got, " "), want)
			for _, d := range res.Diagnostics {
				t.Logf("    %d-%d %s: %s", d.Start, d.End, d.Code, d.Message)
			}
		}
	}
}

func header(t *testing.T, path string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "# scope:")
	return strings.TrimSpace(rest), ok
}
