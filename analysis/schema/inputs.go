package schema

import "sort"

// InputAttr is an attribute of an input declaration
// (`inputs.<name>.<attr> = ...`).
type InputAttr struct {
	Name string
	// Types lists the input types that accept it in attribute form
	// (`type = "github"; owner = ...;`); nil means every input, whatever
	// its form (url, flake, follows, inputs).
	Types []string
	// Required by these types.
	RequiredBy []string
	// Value describes the expected value, for completion details.
	Value string
	Doc   string
}

var forge = []string{"github", "gitlab", "sourcehut"}

// InputAttrs lists the attributes an input declaration may have. The
// general ones come first; the rest are the attribute form of a flake
// reference, allowed per input type (Nix's fetchers reject others).
var InputAttrs = []InputAttr{
	{Name: "url", RequiredBy: []string{"git", "hg", "tarball", "file"}, Value: "string", Doc: "The flake reference, e.g. `github:NixOS/nixpkgs/nixos-unstable`; the short form of the attributes below. Next to `url` (without `type`) only `flake` and `inputs` may be given: everything else goes into the URL's query (`?ref=...`, `?dir=...`)."},
	{Name: "type", Value: "string", Doc: "The fetcher, for the attribute form: `github`, `gitlab`, `sourcehut`, `git`, `hg`, `path`, `tarball`, `file` or `indirect`."},
	{Name: "flake", Value: "bool", Doc: "`false` for a source that is not a flake (no flake.nix): the input is then just its source tree, without outputs or inputs of its own."},
	{Name: "follows", Value: "string", Doc: "Use another input instead of fetching this one: `\"nixpkgs\"`, or a path through inputs like `\"home-manager/nixpkgs\"`. Cannot be combined with `url`."},
	{Name: "inputs", Value: "attribute set", Doc: "Overrides of this input's own inputs, usually `inputs.<dep>.follows = \"<one of ours>\";` to avoid a second copy of a dependency."},
	{Name: "id", Types: []string{"indirect"}, RequiredBy: []string{"indirect"}, Value: "string", Doc: "The flake registry name, e.g. `nixpkgs`."},
	{Name: "owner", Types: forge, RequiredBy: forge, Value: "string", Doc: "The user or organisation owning the repository."},
	{Name: "repo", Types: forge, RequiredBy: forge, Value: "string", Doc: "The repository name."},
	{Name: "host", Types: forge, Value: "string", Doc: "A self-hosted forge instead of the default host (GitHub Enterprise, a GitLab instance, a sourcehut instance)."},
	{Name: "path", Types: []string{"path"}, RequiredBy: []string{"path"}, Value: "string", Doc: "The directory of a path input."},
	{Name: "ref", Types: []string{"indirect", "git", "hg", "github", "gitlab", "sourcehut"}, Value: "string", Doc: "A branch or tag (for git, `refs/tags/<tag>` for a tag)."},
	{Name: "rev", Types: []string{"indirect", "path", "git", "hg", "github", "gitlab", "sourcehut", "tarball", "file"}, Value: "string", Doc: "A commit hash: 40 hexadecimal digits (64 for SHA-256 Git repositories)."},
	{Name: "narHash", Types: []string{"indirect", "path", "git", "hg", "github", "gitlab", "sourcehut", "tarball", "file"}, Value: "string", Doc: "The expected NAR hash of the fetched tree (`sha256-...`); locks the content."},
	{Name: "lastModified", Types: []string{"path", "git", "github", "gitlab", "sourcehut", "tarball", "file"}, Value: "integer", Doc: "The commit time, in seconds since 1970 (normally recorded by the lock)."},
	{Name: "revCount", Types: []string{"path", "git", "hg", "tarball", "file"}, Value: "integer", Doc: "The number of commits up to `rev` (normally recorded by the lock)."},
	{Name: "treeHash", Types: forge, Value: "string", Doc: "The Git tree hash of the commit."},
	{Name: "shallow", Types: []string{"git"}, Value: "bool", Doc: "Fetch without history (faster; `revCount` is then unknown)."},
	{Name: "submodules", Types: []string{"git"}, Value: "bool", Doc: "Also fetch Git submodules."},
	{Name: "lfs", Types: []string{"git"}, Value: "bool", Doc: "Also fetch Git LFS files (Nix 2.27+)."},
	{Name: "exportIgnore", Types: []string{"git"}, Value: "bool", Doc: "Apply `export-ignore` from .gitattributes."},
	{Name: "allRefs", Types: []string{"git"}, Value: "bool", Doc: "Fetch all refs, for a `rev` not reachable from the default branch."},
	{Name: "verifyCommit", Types: []string{"git"}, Value: "bool", Doc: "Check the commit's signature against `publicKey(s)`."},
	{Name: "keytype", Types: []string{"git"}, Value: "string", Doc: "The type of `publicKey` (e.g. `ssh-ed25519`)."},
	{Name: "publicKey", Types: []string{"git"}, Value: "string", Doc: "The key commits must be signed with."},
	{Name: "publicKeys", Types: []string{"git"}, Value: "string", Doc: "Keys commits may be signed with (JSON list)."},
	{Name: "dirtyRev", Types: []string{"git"}, Value: "string", Doc: "Set by Nix for a dirty work tree; not for flake.nix."},
	{Name: "dirtyShortRev", Types: []string{"git"}, Value: "string", Doc: "Set by Nix for a dirty work tree; not for flake.nix."},
	{Name: "name", Types: []string{"git", "hg", "tarball", "file"}, Value: "string", Doc: "The name of the store path."},
	{Name: "unpack", Types: []string{"tarball", "file"}, Value: "bool", Doc: "Whether to unpack the archive."},
}

// InputTypes are the input types Nix's fetchers know, with what each is.
var InputTypes = map[string]string{
	"indirect":  "a flake registry entry",
	"path":      "a local directory",
	"git":       "a Git repository",
	"hg":        "a Mercurial repository",
	"github":    "a GitHub repository",
	"gitlab":    "a GitLab repository",
	"sourcehut": "a sourcehut repository",
	"tarball":   "an archive",
	"file":      "a single file",
}

// InputAttrByName finds an input attribute.
func InputAttrByName(name string) (InputAttr, bool) {
	for _, a := range InputAttrs {
		if a.Name == name {
			return a, true
		}
	}
	return InputAttr{}, false
}

// AttrsForType lists the type-specific attributes an input of type typ
// accepts, in table order.
func AttrsForType(typ string) []string {
	return attrsWhere(func(a InputAttr) bool { return contains(a.Types, typ) })
}

// AllowedForType lists what an input of type typ accepts in attribute
// form besides `type` and the general attributes: `url` where the type
// needs one, then the type's own attributes.
func AllowedForType(typ string) []string {
	url := attrsWhere(func(a InputAttr) bool { return a.Types == nil && contains(a.RequiredBy, typ) })
	return append(url, AttrsForType(typ)...)
}

// RequiredForType lists the attributes an input of type typ needs.
func RequiredForType(typ string) []string {
	return attrsWhere(func(a InputAttr) bool { return contains(a.RequiredBy, typ) })
}

func attrsWhere(keep func(InputAttr) bool) []string {
	var out []string
	for _, a := range InputAttrs {
		if keep(a) {
			out = append(out, a.Name)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// InputTypeNames lists the known input types, sorted.
func InputTypeNames() []string {
	out := make([]string, 0, len(InputTypes))
	for t := range InputTypes {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// InputValueAttr is an attribute of an input as the outputs function
// receives it (`nixpkgs.rev`, `inputs.self.lastModified`).
type InputValueAttr struct {
	Name string
	// Source: present on every input, `flake = false` ones too; the
	// others come from the input's own outputs.
	Source bool
	Doc    string
}

// InputValueAttrs: the source attributes Nix adds to every input, then
// the outputs a flake input usually has.
var InputValueAttrs = []InputValueAttr{
	{Name: "outPath", Source: true, Doc: "The store path of the input's source tree (what `\"${input}\"` and `import input` use)."},
	{Name: "rev", Source: true, Doc: "The commit hash (Git and forge inputs; absent for a dirty tree)."},
	{Name: "shortRev", Source: true, Doc: "The first seven digits of `rev`."},
	{Name: "dirtyRev", Source: true, Doc: "For a dirty Git tree: the commit hash with `-dirty` appended."},
	{Name: "dirtyShortRev", Source: true, Doc: "For a dirty Git tree: the short hash with `-dirty` appended."},
	{Name: "revCount", Source: true, Doc: "The number of commits up to `rev` (Git and Mercurial inputs, not forges)."},
	{Name: "lastModified", Source: true, Doc: "The commit time in seconds since 1970."},
	{Name: "lastModifiedDate", Source: true, Doc: "The commit time as `YYYYMMDDHHMMSS` (UTC)."},
	{Name: "narHash", Source: true, Doc: "The NAR hash of the source tree (`sha256-...`)."},
	{Name: "sourceInfo", Source: true, Doc: "The source attributes above as one set (outPath, rev, narHash, ...)."},
	{Name: "inputs", Doc: "The input's own inputs, after `follows` are applied."},
	{Name: "outputs", Doc: "The input's outputs as one set (the same attributes are also on the input itself)."},
	{Name: "_type", Doc: "`\"flake\"` for flake inputs."},
}
