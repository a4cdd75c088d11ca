//go:build unix

package store

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteNARRefusesOtherFileTypes(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Skip("SKIPPED: cannot make a FIFO here: ", err)
	}
	if _, err := HashPath(dir); err == nil || !strings.Contains(err.Error(), "unsupported type") {
		t.Errorf("HashPath of a tree with a FIFO: %v", err)
	}
	if _, err := HashPath(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("HashPath of a missing path succeeded")
	}
}
