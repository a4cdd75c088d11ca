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
	}
	for _, c := range cases {
		if got := Closest(c.name, c.cands); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
