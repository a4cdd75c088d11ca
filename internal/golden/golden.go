// Package golden compares a test's output with a golden file under
// testdata/, rewriting the file when the test runs with -update.
package golden

import (
	"os"
	"testing"
)

// Check compares got with the file at path; with update it first writes
// got there (review the diff before committing it).
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (rerun with -update and review the diff)", path)
	}
}
