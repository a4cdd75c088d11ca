package lsp

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine is left running
// when they end: every session the tests start (and every request they
// cancel) must stop all the goroutines it started.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
