package nixparse

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck runs Check on any bytes: it must not panic, its errors and
// tokens lie inside the text in order, and a Repaired text keeps every
// byte offset (the same length) and has no error left.
func FuzzCheck(f *testing.F) {
	n := 0
	for _, p := range []string{"valid", "invalid", "newer"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "parse", p, "*.nix"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			n++
		}
	}
	if n == 0 {
		f.Fatal("no seed files under testdata/parse")
	}
	f.Add([]byte("{ a = 1 }"))
	f.Add([]byte("let x = ''${\"\"} in"))
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := Lex(src)
		if len(toks) == 0 || toks[len(toks)-1].Kind != EOF {
			t.Fatalf("Lex did not end with EOF: %v", toks)
		}
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End < tok.Start || tok.End > len(src) {
				t.Fatalf("token %v at [%d,%d) after offset %d, text of %d bytes", tok.Kind, tok.Start, tok.End, prev, len(src))
			}
			prev = tok.Start
		}

		res := Check(src)
		for _, e := range res.Errors {
			if e.Start < 0 || e.End < e.Start || e.End > len(src) {
				t.Errorf("error %q at [%d,%d) outside the text of %d bytes", e.Message, e.Start, e.End, len(src))
			}
			if e.NixOffset < 0 || e.NixOffset > len(src) {
				t.Errorf("error %q: Nix offset %d outside the text of %d bytes", e.Message, e.NixOffset, len(src))
			}
			if e.Message == "" {
				t.Errorf("error at [%d,%d) without a message", e.Start, e.End)
			}
			for _, r := range e.Related {
				if r.Start < 0 || r.End < r.Start || r.End > len(src) {
					t.Errorf("related %q at [%d,%d) outside the text of %d bytes", r.Message, r.Start, r.End, len(src))
				}
			}
		}
		for i := 1; i < len(res.Errors); i++ {
			if res.Errors[i].Start < res.Errors[i-1].Start {
				t.Errorf("errors out of text order: %d before %d", res.Errors[i-1].Start, res.Errors[i].Start)
			}
		}
		if res.Repaired == nil {
			return
		}
		if len(res.Repaired) != len(src) {
			t.Fatalf("Repaired has %d bytes, the text %d", len(res.Repaired), len(src))
		}
		if again := Check(res.Repaired); len(again.Errors) > 0 {
			t.Fatalf("the repaired text %q still has errors: %+v", res.Repaired, again.Errors)
		}
	})
}
