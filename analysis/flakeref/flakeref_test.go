package flakeref

import (
	"strings"
	"testing"
)

func codes(ps []Problem) string {
	var c []string
	for _, p := range ps {
		c = append(c, p.Code)
	}
	return strings.Join(c, ",")
}

func TestParse(t *testing.T) {
	rev := "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		url   string
		flake bool
		typ   string
		check func(r Ref) string // "" when fine
		codes string
	}{
		{url: "github:NixOS/nixpkgs/nixos-unstable", flake: true, typ: "github", check: func(r Ref) string {
			if r.Owner != "NixOS" || r.Repo != "nixpkgs" || r.Ref != "nixos-unstable" || r.Rev != "" {
				return "parts"
			}
			if r.Raw[r.OwnerSpan.Start:r.OwnerSpan.End] != "NixOS" || r.Raw[r.RefSpan.Start:r.RefSpan.End] != "nixos-unstable" {
				return "spans"
			}
			return ""
		}},
		{url: "github:NixOS/nixpkgs/" + rev, flake: true, typ: "github", check: func(r Ref) string {
			if r.Rev != rev || r.Ref != "" {
				return "rev"
			}
			return ""
		}},
		{url: "github:NixOS/nixpkgs/pull/357207/head", flake: true, typ: "github", check: func(r Ref) string {
			if r.Ref != "pull/357207/head" {
				return "joined ref " + r.Ref
			}
			return ""
		}},
		{url: "github:NixOS", flake: true, typ: "github", codes: "url-invalid-forge-path"},
		{url: "github:a/b/main?rev=" + rev, flake: true, typ: "github", codes: "url-ref-and-rev"},
		{url: "github:a/b?rev=abc123", flake: true, typ: "github", codes: "url-invalid-rev"},
		{url: "github:a/b?tag=v1", flake: true, typ: "github", codes: "url-unknown-param"},
		{url: "github:a/b?dir=sub&host=git.example.com", flake: true, typ: "github", check: func(r Ref) string {
			if r.Dir != "sub" || r.Host != "git.example.com" {
				return "dir/host"
			}
			return ""
		}},
		{url: "githbu:NixOS/nixpkgs", flake: true, codes: "url-scheme-typo"},
		{url: "foo:bar", flake: true, codes: "url-unknown-scheme"},
		{url: "gitlab:veloren%2Fdev/rfcs", flake: true, typ: "gitlab", check: func(r Ref) string {
			if r.Owner != "veloren%2Fdev" {
				return r.Owner
			}
			return ""
		}},
		{url: "sourcehut:~sircmpwn/hare", flake: true, typ: "sourcehut"},
		{url: "sourcehut:sircmpwn/hare", flake: true, typ: "sourcehut", codes: "url-sourcehut-owner"},
		{url: "git+https://example.org/repo.git?ref=main", flake: true, typ: "git", check: func(r Ref) string {
			if r.Ref != "main" || r.Host != "example.org" || r.URL != "//example.org/repo.git" {
				return "git parts"
			}
			return ""
		}},
		{url: "git+https://example.org/repo.git?tag=v1.2", flake: true, typ: "git", codes: "url-param-ignored"},
		{url: "git+ssh://git@example.org/repo?ref=a..b", flake: true, typ: "git", codes: "url-invalid-ref"},
		{url: "path:./sub", flake: true, typ: "path", check: func(r Ref) string {
			if r.Path != "./sub" {
				return r.Path
			}
			return ""
		}},
		{url: "path:./sub?ref=x", flake: true, typ: "path", codes: "url-unknown-param"},
		{url: "path://host/x", flake: true, typ: "path", codes: "url-path-authority"},
		{url: "./sub", flake: true, typ: "path"},
		{url: "/abs/dir", flake: true, typ: "path"},
		{url: "nixpkgs", flake: true, typ: "indirect", codes: "url-registry-id"},
		{url: "nixpkgs/nixos-24.05", flake: true, typ: "indirect", codes: "url-registry-id", check: func(r Ref) string {
			if r.ID != "nixpkgs" || r.Ref != "nixos-24.05" {
				return "indirect parts"
			}
			return ""
		}},
		{url: "my-private-thing", flake: true, typ: "indirect", codes: "url-unknown-registry-id"},
		{url: "flake:nixpkgs", flake: true, typ: "indirect", codes: "url-registry-id"},
		{url: "path:./x#foo", flake: true, typ: "path", codes: "url-fragment"},
		{url: "https://example.org/x.tar.gz", flake: true, typ: "tarball"},
		{url: "https://example.org/install.sh", flake: false, typ: "file"},
		{url: "https://example.org/install.sh", flake: true, typ: "tarball"},
		{url: "tarball+https://example.org/latest", flake: true, typ: "tarball"},
		{url: "", flake: true, codes: "url-empty"},
	}
	for _, c := range cases {
		r, problems := Parse(c.url, c.flake)
		if c.typ != "" && r.Type != c.typ {
			t.Errorf("%q: type %q, want %q", c.url, r.Type, c.typ)
		}
		if got := codes(problems); got != c.codes {
			t.Errorf("%q: problems %q, want %q (%v)", c.url, got, c.codes, problems)
		}
		if c.check != nil {
			if msg := c.check(r); msg != "" {
				t.Errorf("%q: %s: %+v", c.url, msg, r)
			}
		}
		for _, p := range problems {
			if p.Span.Start < 0 || p.Span.End > len(c.url) || p.Span.Start > p.Span.End {
				t.Errorf("%q: problem %s has span %v outside the string", c.url, p.Code, p.Span)
			}
		}
	}
}

func TestSchemeTypoSuggestion(t *testing.T) {
	_, ps := Parse("githbu:NixOS/nixpkgs", true)
	if len(ps) != 1 || ps[0].Replacement != "github" || ps[0].Span != (Span{0, 6}) {
		t.Fatalf("%+v", ps)
	}
}

func TestEverySchemeIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Schemes {
		if s.Doc == "" || s.Type == "" || s.Since == "" {
			t.Errorf("scheme %q lacks doc, type or version", s.Name)
		}
		if seen[s.Name] {
			t.Errorf("scheme %q twice", s.Name)
		}
		seen[s.Name] = true
	}
}
