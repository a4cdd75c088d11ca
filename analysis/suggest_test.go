package analysis

import "testing"

func TestClosest(t *testing.T) {
	cases := []struct {
		name  string
		cands []string
		want  string
	}{
		{"githbu", []string{"github", "gitlab"}, "github"},
		{"packagez", []string{"packages", "checks"}, "packages"},
		{"Outputs", []string{"outputs"}, "outputs"},
		{"nixpkg", []string{"nixpkgs", "utils"}, "nixpkgs"},
		{"completely-different", []string{"outputs"}, ""},
		{"inptus", []string{"inputs", "outputs"}, "inputs"}, // a swap counts one
		{"abcdef", []string{"abcxyz", "abcdxy"}, "abcdxy"},  // the nearer wins
		{"a", []string{"abcd"}, ""},                         // too far apart in length
		{"nixpkgs-unstable", []string{"nixpkgs-unstabel", "nixpkgs"}, "nixpkgs-unstabel"},
	}
	for _, c := range cases {
		if got := Closest(c.name, c.cands); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
