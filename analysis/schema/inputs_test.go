package schema

import (
	"slices"
	"testing"
)

// The per-type attribute lists, as Nix's fetchers accept them (Nix 2.24
// fetchers' allowedAttrs, plus `url` for url-based types which the
// analyzer handles as the general attribute).
func TestAttrsForType(t *testing.T) {
	want := map[string][]string{
		"indirect": {"id", "ref", "rev", "narHash"},
		"path":     {"path", "rev", "narHash", "lastModified", "revCount"},
		"github":   {"owner", "repo", "host", "ref", "rev", "narHash", "lastModified", "treeHash"},
		"git":      {"ref", "rev", "narHash", "lastModified", "revCount", "shallow", "submodules", "lfs", "exportIgnore", "allRefs", "verifyCommit", "keytype", "publicKey", "publicKeys", "dirtyRev", "dirtyShortRev", "name"},
		"hg":       {"ref", "rev", "narHash", "revCount", "name"},
		"tarball":  {"rev", "narHash", "lastModified", "revCount", "name", "unpack"},
	}
	for typ, attrs := range want {
		got := AttrsForType(typ)
		a, b := slices.Clone(got), slices.Clone(attrs)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: %v, want %v", typ, got, attrs)
		}
	}
	if r := RequiredForType("github"); !slices.Equal(r, []string{"owner", "repo"}) {
		t.Errorf("github requires %v", r)
	}
	for _, a := range InputAttrs {
		if a.Doc == "" || a.Value == "" {
			t.Errorf("%s lacks documentation", a.Name)
		}
		for _, typ := range a.Types {
			if InputTypes[typ] == "" {
				t.Errorf("%s: unknown type %s", a.Name, typ)
			}
		}
	}
}
