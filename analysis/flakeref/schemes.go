// Package flakeref parses flake references (the `url` of a flake input)
// into typed parts, each with its byte range in the string, and reports
// what Nix would reject or silently ignore. It knows nothing of syntax
// trees or LSP.
package flakeref

// Scheme describes one URL scheme: its input type, what its path holds, the
// query parameters it accepts, and documentation for hover and completion.
// Declared once; diagnostics, completion and hover all read it.
type Scheme struct {
	Name   string   // as written before ':' ("github", "git+https")
	Type   string   // the input type it selects
	Params []string // query parameters Nix understands
	// PassThrough: unknown parameters are not an error but stay in the URL
	// sent to the server (git, hg, tarballs), where they do nothing useful.
	PassThrough bool
	// UnknownParamError: Nix rejects unknown parameters (path always;
	// github-family since 2.35).
	UnknownParamError bool
	Since             string // first Nix version with the scheme
	Doc               string
}

var forgeParams = []string{"ref", "rev", "host", "narHash", "dir"}
var gitParams = []string{"ref", "rev", "shallow", "submodules", "lfs", "exportIgnore", "allRefs", "verifyCommit", "keytype", "publicKey", "publicKeys", "narHash", "dir"}
var tarballParams = []string{"narHash", "rev", "revCount", "lastModified", "name", "unpack", "dir"}

// Schemes lists every scheme Nix accepts in a flake reference.
var Schemes = []Scheme{
	{Name: "github", Type: "github", Params: forgeParams, UnknownParamError: true, Since: "2.4",
		Doc: "A GitHub repository: `github:<owner>/<repo>[/<branch, tag or 40-hex commit>]`. `?host=` selects GitHub Enterprise."},
	{Name: "gitlab", Type: "gitlab", Params: forgeParams, UnknownParamError: true, Since: "2.4",
		Doc: "A GitLab repository: `gitlab:<owner>/<repo>[/<ref or rev>]`; encode `/` in nested groups as `%2F`. Default host gitlab.com."},
	{Name: "sourcehut", Type: "sourcehut", Params: forgeParams, UnknownParamError: true, Since: "2.7",
		Doc: "A sourcehut repository: `sourcehut:~<owner>/<repo>[/<ref or rev>]`. Default host git.sr.ht."},
	{Name: "git+https", Type: "git", Params: gitParams, PassThrough: true, Since: "2.4", Doc: "A Git repository over HTTPS. Use `?ref=` for a branch or `refs/tags/<tag>`, `?rev=` for a commit."},
	{Name: "git+http", Type: "git", Params: gitParams, PassThrough: true, Since: "2.4", Doc: "A Git repository over plain HTTP."},
	{Name: "git+ssh", Type: "git", Params: gitParams, PassThrough: true, Since: "2.4", Doc: "A Git repository over SSH: `git+ssh://git@host/owner/repo`."},
	{Name: "git+file", Type: "git", Params: gitParams, PassThrough: true, Since: "2.4", Doc: "A local Git repository: `git+file:///path/to/repo`."},
	{Name: "git", Type: "git", Params: gitParams, PassThrough: true, Since: "2.4", Doc: "A repository over the git protocol: `git://host/path`."},
	{Name: "hg+https", Type: "hg", Params: []string{"ref", "rev", "dir"}, PassThrough: true, Since: "2.4", Doc: "A Mercurial repository over HTTPS."},
	{Name: "hg+http", Type: "hg", Params: []string{"ref", "rev", "dir"}, PassThrough: true, Since: "2.4", Doc: "A Mercurial repository over HTTP."},
	{Name: "hg+ssh", Type: "hg", Params: []string{"ref", "rev", "dir"}, PassThrough: true, Since: "2.4", Doc: "A Mercurial repository over SSH."},
	{Name: "hg+file", Type: "hg", Params: []string{"ref", "rev", "dir"}, PassThrough: true, Since: "2.4", Doc: "A local Mercurial repository."},
	{Name: "path", Type: "path", Params: []string{"rev", "narHash", "revCount", "lastModified", "dir"}, UnknownParamError: true, Since: "2.4",
		Doc: "A directory: `path:./sub`, `path:/abs/dir`. Relative paths are relative to this flake and must stay inside its source tree."},
	{Name: "tarball+https", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "An archive fetched over HTTPS, whatever its file name ends with."},
	{Name: "tarball+http", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "An archive fetched over HTTP."},
	{Name: "tarball+file", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "A local archive."},
	{Name: "file+https", Type: "file", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "A single file fetched over HTTPS."},
	{Name: "file+http", Type: "file", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "A single file fetched over HTTP."},
	{Name: "file+file", Type: "file", Params: tarballParams, PassThrough: true, Since: "2.9", Doc: "A single local file."},
	{Name: "https", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.4",
		Doc: "An archive (`.tar.gz`, `.tar.xz`, `.zip`, ...) over HTTPS; without an archive extension it is a tarball for a flake and a single file for `flake = false` (Nix 2.9+)."},
	{Name: "http", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.4", Doc: "An archive over HTTP."},
	{Name: "file", Type: "tarball", Params: tarballParams, PassThrough: true, Since: "2.4", Doc: "A local archive: `file:///path/x.tar.gz`."},
	{Name: "flake", Type: "indirect", Params: []string{"dir"}, Since: "2.4", Doc: "A flake registry entry: `flake:nixpkgs`."},
}

// SchemeByName returns the scheme written before ':'.
func SchemeByName(name string) (Scheme, bool) {
	for _, s := range Schemes {
		if s.Name == name {
			return s, true
		}
	}
	return Scheme{}, false
}

// Registry lists ids of the default global flake registry, from
// NixOS/flake-registry; an indirect reference to another id fails to
// resolve unless the user's registries add it.
var Registry = map[string]string{
	"nixpkgs":        "github:NixOS/nixpkgs/nixpkgs-unstable",
	"flake-utils":    "github:numtide/flake-utils",
	"home-manager":   "github:nix-community/home-manager",
	"nix-darwin":     "github:LnL7/nix-darwin",
	"nixos-hardware": "github:NixOS/nixos-hardware",
	"nur":            "github:nix-community/NUR",
	"templates":      "github:NixOS/templates",
	"nix":            "github:NixOS/nix",
	"hydra":          "github:NixOS/hydra",
	"patchelf":       "github:NixOS/patchelf",
	"bundlers":       "github:NixOS/bundlers",
	"emacs-overlay":  "github:nix-community/emacs-overlay",
	"fenix":          "github:nix-community/fenix",
	"poetry2nix":     "github:nix-community/poetry2nix",
	"agda":           "github:agda/agda",
	"dwarffs":        "github:edolstra/dwarffs",
	"nixops":         "github:NixOS/nixops",
	"nickel":         "github:tweag/nickel",
}
