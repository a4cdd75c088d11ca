package flakeref

import (
	"fmt"
	"github.com/flake-lsp/flake-lsp/analysis"
	"regexp"
	"strings"
)

// Span is a half-open byte range inside the reference string.
type Span struct{ Start, End int }

// Param is one query parameter.
type Param struct {
	Name, Value         string
	NameSpan, ValueSpan Span
}

// Ref is a parsed flake reference. Fields that do not apply to its type
// are empty; every part that is present has its Span.
type Ref struct {
	Raw        string
	Type       string // indirect, github, gitlab, sourcehut, git, hg, path, tarball, file
	Scheme     string // as written ("github", "git+https"; empty for ids and bare paths)
	SchemeSpan Span

	ID        string // indirect
	IDSpan    Span
	Owner     string // forges
	OwnerSpan Span
	Repo      string
	RepoSpan  Span
	Ref       string // branch or tag, from the path or ?ref=
	RefSpan   Span
	Rev       string // commit, from the path or ?rev=
	RevSpan   Span
	Host      string // ?host= (forges) or the URL's host
	URL       string // git, hg, tarball, file: the location without the query
	URLSpan   Span
	Path      string // path
	PathSpan  Span
	Dir       string // ?dir=
	Params    []Param
	Fragment  Span // '#...' if present (never valid in flake.nix)
}

// Problem is something wrong with a reference, with a stable code.
type Problem struct {
	Code     string
	Severity analysis.Severity
	Message  string
	Span     Span
	// Replacement, when set, is a fix: the text to put at Span.
	Replacement string
}

var (
	idPattern   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_-]*$`)
	revPattern  = regexp.MustCompile(`^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$`)
	hexPattern  = regexp.MustCompile(`^[0-9a-fA-F]+$`)
	schemeChars = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*$`)
	hostPattern = regexp.MustCompile(`^[a-zA-Z0-9.-]*$`)
)

// Parse parses s, the value of an input's `url` (isFlake is the input's
// `flake` attribute, which decides between tarball and file for plain
// URLs). It never fails: what it cannot make sense of is a Problem.
func Parse(s string, isFlake bool) (Ref, []Problem) {
	p := &parser{ref: Ref{Raw: s}}
	p.parse(isFlake)
	return p.ref, p.problems
}

type parser struct {
	ref      Ref
	problems []Problem
}

func (p *parser) problem(code string, sev analysis.Severity, span Span, format string, args ...any) {
	p.problems = append(p.problems, Problem{Code: code, Severity: sev, Span: span, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(isFlake bool) {
	s := p.ref.Raw
	whole := Span{0, len(s)}
	if s == "" {
		p.problem("url-empty", analysis.Error, whole, "empty flake reference")
		return
	}
	// Split off '#fragment' and '?query'.
	body := s
	if i := strings.IndexByte(body, '#'); i >= 0 {
		p.ref.Fragment = Span{i, len(s)}
		p.problem("url-fragment", analysis.Error, p.ref.Fragment,
			"unexpected fragment '%s' in flake reference: a flake input cannot select an output; remove it", s[i+1:])
		body = body[:i]
	}
	queryStart := -1
	if i := strings.IndexByte(body, '?'); i >= 0 {
		queryStart = i
		p.parseQuery(body[i+1:], i+1)
		body = body[:i]
	}

	// 1. The flake-id form: nixpkgs, nixpkgs/ref, nixpkgs/ref/rev.
	if first, _, _ := strings.Cut(body, "/"); idPattern.MatchString(first) && !strings.Contains(body, ":") {
		if queryStart >= 0 {
			p.problem("url-query-on-id", analysis.Error, Span{queryStart, len(body) + len(s) - len(body)},
				"a flake registry id takes no '?' parameters; use the attribute form or a full URL")
		}
		p.parseIndirect(body, 0)
		return
	}
	// 2. A scheme.
	if i := strings.IndexByte(body, ':'); i > 0 && schemeChars.MatchString(body[:i]) {
		name := body[:i]
		p.ref.Scheme, p.ref.SchemeSpan = name, Span{0, i}
		scheme, ok := SchemeByName(name)
		if !ok {
			p.unknownScheme(name)
			return
		}
		p.ref.Type = scheme.Type
		rest, off := body[i+1:], i+1
		switch scheme.Type {
		case "github", "gitlab", "sourcehut":
			p.parseForge(rest, off)
		case "indirect":
			p.parseIndirect(rest, off)
		case "path":
			p.parsePath(rest, off)
		case "tarball", "file", "git", "hg":
			p.parseLocation(scheme, rest, off, isFlake)
		}
		p.checkParams(scheme)
		return
	}
	// 3. A path.
	p.ref.Type = "path"
	p.parsePath(body, 0)
	p.checkParams(Scheme{Name: "path", Params: []string{"rev", "narHash", "revCount", "lastModified", "dir"}, UnknownParamError: true})
}

func (p *parser) parseQuery(q string, off int) {
	for q != "" {
		item, rest, _ := strings.Cut(q, "&")
		name, value, hasValue := strings.Cut(item, "=")
		param := Param{Name: name, Value: value, NameSpan: Span{off, off + len(name)}}
		if hasValue {
			param.ValueSpan = Span{off + len(name) + 1, off + len(item)}
		} else {
			param.ValueSpan = Span{off + len(item), off + len(item)}
		}
		if name != "" {
			p.ref.Params = append(p.ref.Params, param)
		}
		off += len(item) + 1
		q = rest
	}
}

func (p *parser) param(name string) (Param, bool) {
	for _, x := range p.ref.Params {
		if x.Name == name {
			return x, true
		}
	}
	return Param{}, false
}

func (p *parser) unknownScheme(name string) {
	span := p.ref.SchemeSpan
	if best := closestScheme(name); best != "" {
		p.problems = append(p.problems, Problem{
			Code: "url-scheme-typo", Severity: analysis.Error, Span: span, Replacement: best,
			Message: fmt.Sprintf("unknown flake reference scheme '%s:'; did you mean '%s:'?", name, best),
		})
		return
	}
	p.problem("url-unknown-scheme", analysis.Error, span,
		"unknown flake reference scheme '%s:' (Nix: input '%s' is unsupported); known schemes are github:, gitlab:, sourcehut:, git+https:, path:, tarball+https:, https: and others", name, p.ref.Raw)
}

// parseIndirect: id[/ref-or-rev[/rev]].
func (p *parser) parseIndirect(s string, off int) {
	p.ref.Type = "indirect"
	segs := splitSegments(s, off)
	if len(segs) == 0 {
		p.problem("url-invalid-id", analysis.Error, Span{off, off + len(s)}, "missing flake id")
		return
	}
	id := segs[0]
	p.ref.ID, p.ref.IDSpan = id.text, id.span
	if !idPattern.MatchString(id.text) {
		p.problem("url-invalid-id", analysis.Error, id.span, "'%s' is not a valid flake id (letters, digits, '-' and '_', starting with a letter)", id.text)
	}
	switch len(segs) {
	case 1:
	case 2:
		if revPattern.MatchString(segs[1].text) {
			p.ref.Rev, p.ref.RevSpan = segs[1].text, segs[1].span
		} else {
			p.setRef(segs[1].text, segs[1].span)
		}
	case 3:
		p.setRef(segs[1].text, segs[1].span)
		p.ref.Rev, p.ref.RevSpan = segs[2].text, segs[2].span
		if !revPattern.MatchString(segs[2].text) {
			p.problem("url-invalid-rev", analysis.Error, segs[2].span, "'%s' is not a commit hash (40 hexadecimal digits)", segs[2].text)
		}
	default:
		p.problem("url-invalid-id", analysis.Error, Span{off, off + len(s)}, "a flake id takes at most a ref and a rev: id/ref/rev")
	}
	for _, q := range p.problems {
		if q.Severity == analysis.Error {
			return // say nothing about the registry until the reference is valid
		}
	}
	if _, known := Registry[p.ref.ID]; !known && idPattern.MatchString(p.ref.ID) {
		p.problem("url-unknown-registry-id", analysis.Warning, id.span,
			"'%s' is not in the default flake registry; Nix will fail with \"cannot find flake 'flake:%s' in the flake registries\" unless your registry has it. Prefer an explicit URL", p.ref.ID, p.ref.ID)
	} else if known {
		p.problem("url-registry-id", analysis.Information, id.span,
			"'%s' is resolved through the flake registry (to %s today); an explicit URL is reproducible across machines", p.ref.ID, Registry[p.ref.ID])
	}
}

// parseForge: owner/repo[/ref-or-rev...].
func (p *parser) parseForge(s string, off int) {
	segs := splitSegments(s, off)
	if len(segs) < 2 {
		p.problem("url-invalid-forge-path", analysis.Error, Span{off, off + len(s)},
			"%s: needs an owner and a repository: %s:<owner>/<repo>[/<branch, tag or commit>]", p.ref.Scheme, p.ref.Scheme)
		return
	}
	p.ref.Owner, p.ref.OwnerSpan = segs[0].text, segs[0].span
	p.ref.Repo, p.ref.RepoSpan = segs[1].text, segs[1].span
	if p.ref.Type == "sourcehut" && !strings.HasPrefix(p.ref.Owner, "~") {
		p.problem("url-sourcehut-owner", analysis.Warning, segs[0].span, "sourcehut owners start with '~' (sourcehut:~%s/%s)", p.ref.Owner, p.ref.Repo)
	}
	if len(segs) > 2 {
		last := segs[len(segs)-1]
		rest := Span{segs[2].span.Start, last.span.End}
		text := p.ref.Raw[rest.Start:rest.End]
		if len(segs) == 3 && revPattern.MatchString(text) {
			p.ref.Rev, p.ref.RevSpan = text, rest
		} else {
			p.setRef(text, rest)
		}
	}
	if x, ok := p.param("ref"); ok {
		if p.ref.Ref != "" {
			p.problem("url-duplicate-ref", analysis.Error, x.NameSpan, "the branch or tag is given twice: in the path and as ?ref=")
		}
		p.setRef(x.Value, x.ValueSpan)
	}
	if x, ok := p.param("rev"); ok {
		if p.ref.Rev != "" {
			p.problem("url-duplicate-rev", analysis.Error, x.NameSpan, "the commit is given twice: in the path and as ?rev=")
		}
		p.ref.Rev, p.ref.RevSpan = x.Value, x.ValueSpan
		p.checkRev(x.Value, x.ValueSpan)
	}
	if x, ok := p.param("host"); ok {
		p.ref.Host = x.Value
		if !hostPattern.MatchString(x.Value) {
			p.problem("url-invalid-host", analysis.Error, x.ValueSpan, "'%s' is not a valid host name", x.Value)
		}
	}
	if p.ref.Ref != "" && p.ref.Rev != "" {
		p.problem("url-ref-and-rev", analysis.Error, p.ref.RevSpan,
			"both a branch/tag ('%s') and a commit ('%s'): Nix rejects a %s reference with both; keep one", p.ref.Ref, p.ref.Rev, p.ref.Scheme)
	}
}

// parseLocation: git, hg, tarball and file URLs (scheme://host/path).
func (p *parser) parseLocation(scheme Scheme, rest string, off int, isFlake bool) {
	p.ref.URL, p.ref.URLSpan = rest, Span{off, off + len(rest)}
	if host, _, ok := strings.Cut(strings.TrimPrefix(rest, "//"), "/"); ok && strings.HasPrefix(rest, "//") {
		p.ref.Host = host
	}
	if !strings.HasPrefix(rest, "//") && scheme.Type != "file" {
		p.problem("url-invalid-location", analysis.Error, p.ref.URLSpan, "expected '%s://' followed by a host and a path", scheme.Name)
	}
	if scheme.Type == "tarball" && !strings.Contains(scheme.Name, "+") && !isFlake && !hasArchiveExtension(rest) {
		p.ref.Type = "file" // Nix 2.9+: a plain URL for flake = false is one file
	}
	if x, ok := p.param("rev"); ok {
		p.ref.Rev, p.ref.RevSpan = x.Value, x.ValueSpan
		p.checkRev(x.Value, x.ValueSpan)
	}
	if x, ok := p.param("ref"); ok {
		p.setRef(x.Value, x.ValueSpan)
	}
}

func (p *parser) parsePath(s string, off int) {
	p.ref.Path, p.ref.PathSpan = s, Span{off, off + len(s)}
	if strings.HasPrefix(s, "//") {
		p.problem("url-path-authority", analysis.Error, p.ref.PathSpan, "a path: reference takes no host ('//'); write path:/absolute/dir or path:./relative")
	}
	if s == "" {
		p.problem("url-empty-path", analysis.Error, Span{off, off}, "empty path")
	}
}

func (p *parser) setRef(ref string, span Span) {
	p.ref.Ref, p.ref.RefSpan = ref, span
	if why := badRefName(ref); why != "" {
		p.problem("url-invalid-ref", analysis.Error, span, "'%s' is not a valid branch or tag name: %s", ref, why)
	}
}

func (p *parser) checkRev(rev string, span Span) {
	if !revPattern.MatchString(rev) {
		msg := "a commit hash is 40 hexadecimal digits (64 for SHA-256 repositories)"
		if hexPattern.MatchString(rev) {
			msg = fmt.Sprintf("%s; this one has %d: Nix does not expand abbreviated hashes", msg, len(rev))
		}
		p.problem("url-invalid-rev", analysis.Error, span, "'%s' is not a commit hash: %s", rev, msg)
	}
}

// checkParams reports parameters the scheme does not know.
func (p *parser) checkParams(scheme Scheme) {
	for _, x := range p.ref.Params {
		if x.Name == "dir" {
			p.ref.Dir = x.Value
			continue
		}
		if contains(scheme.Params, x.Name) {
			continue
		}
		switch {
		case scheme.UnknownParamError && scheme.Type == "path":
			p.problem("url-unknown-param", analysis.Error, x.NameSpan, "path: references do not accept '%s' (Nix: path URL has unsupported parameter '%s')", x.Name, x.Name)
		case scheme.UnknownParamError:
			p.problem("url-unknown-param", analysis.Warning, x.NameSpan, "%s: references do not accept '%s': Nix 2.35 and newer reject it (contains unknown parameter '%s'), older versions ignore it; accepted: %s", scheme.Name, x.Name, x.Name, strings.Join(scheme.Params, ", "))
		case x.Name == "tag" && scheme.Type == "git":
			p.problems = append(p.problems, Problem{Code: "url-param-ignored", Severity: analysis.Warning, Span: Span{x.NameSpan.Start, x.ValueSpan.End},
				Replacement: "ref=refs/tags/" + x.Value,
				Message:     fmt.Sprintf("'?tag=' does nothing for git inputs (Nix passes it on to the server); write '?ref=refs/tags/%s'", x.Value)})
		case scheme.PassThrough:
			p.problem("url-param-ignored", analysis.Warning, x.NameSpan, "'%s' is not a %s parameter: Nix leaves it in the URL sent to the server, where it likely does nothing; accepted: %s", x.Name, scheme.Type, strings.Join(scheme.Params, ", "))
		default:
			p.problem("url-unknown-param", analysis.Warning, x.NameSpan, "'%s' is ignored here", x.Name)
		}
	}
}

type segment struct {
	text string
	span Span
}

// splitSegments splits on '/', skipping empty segments as Nix does.
func splitSegments(s string, off int) []segment {
	var out []segment
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '/' {
			if i > start {
				out = append(out, segment{s[start:i], Span{off + start, off + i}})
			}
			start = i + 1
		}
	}
	return out
}

// badRefName applies git's ref-name rules, which Nix uses since 2.31.
func badRefName(ref string) string {
	switch {
	case ref == "":
		return "it is empty"
	case ref == "@":
		return "'@' alone is not a name"
	case strings.HasPrefix(ref, ".") || strings.HasPrefix(ref, "/"):
		return "it starts with '.' or '/'"
	case strings.HasSuffix(ref, "/") || strings.HasSuffix(ref, "."):
		return "it ends with '/' or '.'"
	case strings.HasSuffix(ref, ".lock") || strings.Contains(ref, ".lock/"):
		return "a component ends with '.lock'"
	case strings.Contains(ref, ".."), strings.Contains(ref, "/."), strings.Contains(ref, "//"):
		return "it contains '..', '/.' or '//'"
	case strings.Contains(ref, "@{"):
		return "it contains '@{'"
	}
	for _, r := range ref {
		if r < ' ' || r == 0x7f || strings.ContainsRune(" ~^:?*[\\", r) {
			return fmt.Sprintf("it contains %q", r)
		}
	}
	return ""
}

func hasArchiveExtension(url string) bool {
	for _, ext := range []string{".zip", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst"} {
		if strings.HasSuffix(url, ext) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closestScheme suggests a known scheme within two edits.
func closestScheme(name string) string {
	names := make([]string, len(Schemes))
	for i, s := range Schemes {
		names[i] = s.Name
	}
	return analysis.Closest(name, names)
}
