package flake

import (
	"fmt"
	"testing"
)

// attrSet keeps the first key of each name and the order names first
// appear in, scanned or indexed.
func TestAttrSet(t *testing.T) {
	for _, n := range []int{1, indexFrom, indexFrom + 1, 100, 1000} {
		for _, reserve := range []int{0, n / 2, n} {
			s := newAttrSet()
			s.reserve(reserve)
			for round := 0; round < 2; round++ {
				for i := 0; i < n; i++ {
					a := s.add(fmt.Sprint("a", i), uint32(round*n+i))
					if a.key != uint32(i) {
						t.Fatalf("n=%d: %s has key %d", n, a.name, a.key)
					}
				}
			}
			if len(s.list) != n {
				t.Fatalf("n=%d: %d attributes", n, len(s.list))
			}
			for i, a := range s.list {
				if a.name != fmt.Sprint("a", i) || s.get(a.name) != a || a.value != none {
					t.Fatalf("n=%d: attribute %d is %s", n, i, a.name)
				}
			}
			if s.get("b") != nil || s.get("") != nil {
				t.Fatalf("n=%d: found an absent name", n)
			}
		}
	}
	var nilSet *attrSet
	if nilSet.get("a") != nil {
		t.Fatal("nil set has a")
	}
}
