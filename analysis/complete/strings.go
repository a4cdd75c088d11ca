package complete

import (
	"sort"
	"strings"

	"github.com/flake-lsp/flake-lsp/analysis/flakeref"
	"github.com/flake-lsp/flake-lsp/analysis/schema"
)

// inString completes inside a string literal: flake references in
// `url`, targets of `follows`, input types, systems.
func (c *completer) inString() {
	u, p := c.u, c.p
	if len(p.Frames) == 0 || p.InKey {
		return
	}
	path := p.Frames[0].Path
	last := ""
	if len(path) > 0 {
		last = path[len(path)-1].Name
	}
	// Replace what is typed of the string up to the cursor.
	c.wordStart, c.wordEnd = p.StringStart, c.off
	if c.optionValue() {
		return
	}
	if last == "system" || last == "localSystem" || last == "hostPlatform" {
		for _, s := range schema.Systems {
			c.add(Candidate{Label: s, Kind: Value, Detail: "system"})
		}
		return
	}
	if !u.IsFlake() {
		return
	}
	names, root, ok := u.ValuePath(p)
	if !ok || root != u.TopSet() || len(names) < 3 || names[0] != "inputs" {
		if out, ok := u.OutputsPath(p); ok && len(out) >= 3 && last == "type" {
			if o, _ := schema.OutputByName(out[0]); o.Shape == schema.App {
				c.add(Candidate{Label: "app", Kind: Value, Detail: "the only app type"})
			}
		}
		return
	}
	switch last {
	case "url":
		c.url(string(u.Src[p.StringStart:c.off]))
	case "follows":
		c.follows(names[1])
	case "type":
		for _, t := range schema.InputTypeNames() {
			c.add(Candidate{Label: t, Kind: Value, Detail: schema.InputTypes[t]})
		}
	}
}

// url completes a flake reference being typed (text is what precedes the
// cursor in the string).
func (c *completer) url(text string) {
	colon := strings.IndexByte(text, ':')
	if colon < 0 {
		for _, s := range flakeref.Schemes {
			label := s.Name + ":"
			sort := 2
			switch s.Name {
			case "github", "gitlab", "sourcehut", "path":
			case "git+https", "git+ssh", "git+file", "git+http", "tarball+https", "file+https", "https":
				label = s.Name + "://"
				sort = 3
			default:
				sort = 4
				if strings.Contains(s.Name, "+") || s.Name == "http" || s.Name == "file" || s.Name == "git" {
					label = s.Name + "://"
				}
			}
			c.add(Candidate{Label: label, Kind: Value, Detail: "scheme: " + s.Type + " input", Doc: s.Doc, Sort: sort})
		}
		ids := make([]string, 0, len(flakeref.Registry))
		for id := range flakeref.Registry {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			c.add(Candidate{Label: id, Kind: Module, Detail: "registry: " + flakeref.Registry[id],
				Doc: "An indirect reference, resolved through the flake registry at lock time; `" + flakeref.Registry[id] + "` pins the source instead.", Sort: 5})
		}
		return
	}
	scheme := text[:colon]
	rest := text[colon+1:]
	sch, known := flakeref.SchemeByName(scheme)
	if !known {
		return
	}
	forge := sch.Type == "github" || sch.Type == "gitlab" || sch.Type == "sourcehut"
	if q := strings.LastIndexAny(rest, "?&"); q >= 0 {
		// Query parameters: names not given yet, then values.
		param := rest[q+1:]
		c.wordStart = c.p.StringStart + colon + 1 + q + 1
		if name, _, isValue := strings.Cut(param, "="); isValue {
			c.wordStart += len(name) + 1
			switch {
			case name == "ref" && forge:
				path, _, _ := strings.Cut(rest, "?")
				parts := strings.Split(path, "/")
				if len(parts) >= 2 {
					c.refs(sch.Type, parts[0], parts[1])
				}
			case contains(boolParams, name):
				for _, b := range []string{"1", "0"} {
					c.add(Candidate{Label: b, Kind: Value, Detail: "true/false for " + name})
				}
			}
			return
		}
		given := map[string]bool{}
		if _, query, ok := strings.Cut(rest, "?"); ok {
			for _, kv := range strings.Split(query, "&") {
				k, _, _ := strings.Cut(kv, "=")
				given[k] = true
			}
		}
		for _, param := range sch.Params {
			if !given[param] || param == rest[q+1:] {
				c.add(Candidate{Label: param + "=", Kind: Field, Detail: "parameter of " + scheme + ":"})
			}
		}
		return
	}
	if !forge {
		return
	}
	parts := strings.Split(rest, "/")
	c.wordStart = c.p.StringStart + len(text) - len(parts[len(parts)-1])
	known2 := c.lockRepos(sch.Type)
	switch len(parts) {
	case 1:
		for owner := range known2 {
			c.add(Candidate{Label: owner + "/", Kind: Folder, Detail: "owner, from flake.lock"})
		}
	case 2:
		for repo := range known2[parts[0]] {
			c.add(Candidate{Label: repo, Kind: Folder, Detail: parts[0] + "/" + repo + ", from flake.lock"})
		}
	case 3:
		c.refs(sch.Type, parts[0], parts[1])
	}
}

// boolParams are the query parameters that take 1 or 0.
var boolParams = []string{"shallow", "submodules", "lfs", "exportIgnore", "allRefs", "verifyCommit", "unpack"}

// refs offers the branches and tags the lock has seen: those of
// owner/repo first.
func (c *completer) refs(typ, owner, repo string) {
	known := c.lockRepos(typ)
	refs := map[string]int{}
	for ref := range known[owner][repo] {
		refs[ref] = 0
	}
	for _, repos := range known {
		for _, rs := range repos {
			for ref := range rs {
				if _, ok := refs[ref]; !ok {
					refs[ref] = 1
				}
			}
		}
	}
	for ref, rank := range refs {
		detail := "branch or tag of " + owner + "/" + repo + " in flake.lock"
		if rank == 1 {
			detail = "branch or tag seen in flake.lock"
		}
		c.add(Candidate{Label: ref, Kind: Value, Detail: detail, Sort: rank})
	}
}

// lockRepos indexes the lock's nodes of a forge type: owner → repo →
// refs (branches and tags from the original references).
func (c *completer) lockRepos(typ string) map[string]map[string]map[string]bool {
	out := map[string]map[string]map[string]bool{}
	lf := c.u.Lock
	if lf == nil {
		return out
	}
	for _, key := range lf.Keys {
		n := lf.Nodes[key]
		if n == nil || n.Original == nil {
			continue
		}
		orig := n.Original
		if t := orig.Get("type"); t == nil || t.Str != typ {
			continue
		}
		owner, repo := orig.Get("owner"), orig.Get("repo")
		if owner == nil || repo == nil {
			continue
		}
		if out[owner.Str] == nil {
			out[owner.Str] = map[string]map[string]bool{}
		}
		if out[owner.Str][repo.Str] == nil {
			out[owner.Str][repo.Str] = map[string]bool{}
		}
		if ref := orig.Get("ref"); ref != nil && ref.Str != "" {
			out[owner.Str][repo.Str][ref.Str] = true
		}
	}
	return out
}

// follows completes the target of a follows: declared inputs and, from
// the lock, the inputs of inputs (`a/b`), but not the input itself.
func (c *completer) follows(self string) {
	u := c.u
	for _, name := range u.Flake.InputOrder {
		if name != self {
			c.add(Candidate{Label: name, Kind: Module, Detail: "input " + inputDetail(u, name)})
		}
	}
	if lf := u.Lock; lf != nil {
		root := lf.Nodes[lf.Root]
		if root != nil {
			for _, e := range root.Inputs {
				n, err := lf.Resolve([]string{e.Name})
				if err != nil || n == nil {
					continue
				}
				for _, sub := range n.Inputs {
					c.add(Candidate{Label: e.Name + "/" + sub.Name, Kind: Module, Detail: "input of " + e.Name + ", from flake.lock", Sort: 1})
				}
			}
		}
	}
}
