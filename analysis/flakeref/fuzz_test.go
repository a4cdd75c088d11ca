package flakeref

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// FuzzParse parses any string as a flake reference: no panic, Raw is the
// string, every span (of the parts, the query parameters and the
// problems) lies inside it, and the text a fix puts in parses too.
func FuzzParse(f *testing.F) {
	// Seeds: every url written in the flakes of testdata.
	urlPattern := regexp.MustCompile(`url\s*=\s*"([^"]*)"`)
	files, _ := filepath.Glob("../../testdata/flakes/*/flake.nix")
	more, _ := filepath.Glob("../../testdata/nixcheck/*/flake.nix")
	seen := map[string]bool{}
	for _, file := range append(files, more...) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, m := range urlPattern.FindAllSubmatch(src, -1) {
			if u := string(m[1]); !seen[u] {
				seen[u] = true
				f.Add(u, true)
			}
		}
	}
	if len(seen) < 20 {
		f.Fatalf("only %d seed references", len(seen))
	}
	f.Add("https://h/a.tar.gz?narHash=x#frag", false)
	f.Add("git+ssh://git@host:22/a/b?ref=main&rev=0123456789abcdef0123456789abcdef01234567&dir=x", true)
	f.Fuzz(func(t *testing.T, s string, isFlake bool) {
		r, problems := Parse(s, isFlake)
		if r.Raw != s {
			t.Fatalf("Raw %q for %q", r.Raw, s)
		}
		inside := func(what string, sp Span) {
			if sp.Start < 0 || sp.End < sp.Start || sp.End > len(s) {
				t.Errorf("%s span [%d,%d) outside %q (%d bytes)", what, sp.Start, sp.End, s, len(s))
			}
		}
		for what, sp := range map[string]Span{"scheme": r.SchemeSpan, "id": r.IDSpan, "owner": r.OwnerSpan, "repo": r.RepoSpan,
			"ref": r.RefSpan, "rev": r.RevSpan, "url": r.URLSpan, "path": r.PathSpan, "fragment": r.Fragment} {
			inside(what, sp)
		}
		for _, p := range r.Params {
			inside("parameter name", p.NameSpan)
			inside("parameter value", p.ValueSpan)
		}
		if r.Type == "" && len(problems) == 0 {
			t.Errorf("%q: no type and no problem", s)
		}
		for _, p := range problems {
			if p.Code == "" || p.Message == "" {
				t.Errorf("%q: problem without code or message: %+v", s, p)
			}
			inside("problem "+p.Code, p.Span)
			if p.Replacement != "" && p.Span.Start >= 0 && p.Span.Start <= p.Span.End && p.Span.End <= len(s) {
				Parse(s[:p.Span.Start]+p.Replacement+s[p.Span.End:], isFlake)
			}
		}
	})
}
