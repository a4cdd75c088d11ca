package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

type corpusCase struct {
	file, name string
	input      []byte
	expected   string
}

var (
	corpusHeader  = regexp.MustCompile(`(?m)^={3,}\r?\n(.*)\r?\n={3,}\r?\n`)
	corpusDivider = regexp.MustCompile(`(?m)^-{3,}\r?\n`)
)

// readCorpus reads tree-sitter corpus files: a header of '=' lines around
// the name, the input, a line of '-', the expected tree.
func readCorpus(t *testing.T) []corpusCase {
	files, _ := filepath.Glob(filepath.Join("..", "grammar", "test", "corpus", "*.txt"))
	var cases []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		heads := corpusHeader.FindAllSubmatchIndex(data, -1)
		for i, h := range heads {
			end := len(data)
			if i+1 < len(heads) {
				end = heads[i+1][0]
			}
			body := data[h[1]:end]
			div := corpusDivider.FindIndex(body)
			if div == nil {
				t.Fatalf("%s: case %q has no divider", f, data[h[2]:h[3]])
			}
			// tree-sitter drops the newline before the divider.
			input := bytes.TrimSuffix(body[:div[0]], []byte("\n"))
			input = bytes.TrimSuffix(input, []byte("\r"))
			input = bytes.TrimSuffix(input, []byte("\n"))
			cases = append(cases, corpusCase{
				file: filepath.Base(f), name: string(data[h[2]:h[3]]),
				input: input, expected: string(body[div[1]:]),
			})
		}
	}
	return cases
}

// Some errors are reported by this package rather than by ERROR nodes
// (keywords as names, overflowing integers, paths ending in '/'), so the
// corpus trees alone do not show them. Every case in errors.txt and
// half_typed.txt must have a syntax error; every other case must have none
// unless its expected tree shows one.
func TestCorpusVerdicts(t *testing.T) {
	cases := readCorpus(t)
	if len(cases) < 200 {
		t.Fatalf("only %d corpus cases", len(cases))
	}
	for _, c := range cases {
		errs := Parse(c.input).Errors(c.input)
		wantError := c.file == "errors.txt" || c.file == "half_typed.txt" ||
			strings.Contains(c.expected, "(ERROR") || strings.Contains(c.expected, "(MISSING")
		if wantError && len(errs) == 0 {
			t.Errorf("%s: %q: expected a syntax error, got none for %q", c.file, c.name, c.input)
		}
		if !wantError && len(errs) > 0 {
			t.Errorf("%s: %q: unexpected syntax error %s for %q", c.file, c.name, errs[0].Message, c.input)
		}
	}
	t.Logf("%d corpus cases", len(cases))
}
