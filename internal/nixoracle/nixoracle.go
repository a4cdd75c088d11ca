// Package nixoracle runs real Nix (`nix-instantiate --parse`) on files and
// classifies its verdict, for tests that compare flake-lsp with Nix.
package nixoracle

import (
	"bytes"
	"errors"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// Verdict is what Nix said about one file.
type Verdict int

const (
	// NoVerdict: Nix crashed or could not run (Nix 2.8 segfaults on some
	// inputs that end inside a string).
	NoVerdict Verdict = iota
	// Accept: the file parsed and its variables are bound.
	Accept
	// SyntaxError: rejected by Nix's lexer or parser.
	SyntaxError
	// BindingError: parsed, but rejected while binding names (undefined
	// variable, duplicate attribute or formal, dynamic let/inherit).
	BindingError
)

func (v Verdict) String() string {
	return [...]string{"no verdict", "accept", "syntax error", "binding error"}[v]
}

// Result is Nix's verdict on one file, with its message or printed AST.
type Result struct {
	Verdict Verdict
	Message string // first line of the error, without "error: "
	AST     string // Nix's printed AST when accepted
	// Line and Col (1-based, Col in bytes) are where Nix reports the
	// error; 0 when it gives no position.
	Line, Col int
}

const program = "nix-instantiate"

// Available reports whether nix-instantiate is on PATH.
func Available() bool {
	_, err := exec.LookPath(program)
	return err == nil
}

var bindingMessages = regexp.MustCompile(`undefined variable|duplicate formal function argument|already defined at|dynamic attributes not allowed`)

// Classify turns the first line of a Nix error into a verdict.
func Classify(message string) Verdict {
	if bindingMessages.MatchString(message) {
		return BindingError
	}
	return SyntaxError
}

// Files asks Nix for a verdict on each file, with one worker per CPU.
func Files(paths []string) ([]Result, error) {
	workers := runtime.NumCPU()
	if workers > len(paths) {
		workers = len(paths)
	}
	if workers <= 1 {
		return filesSerial(paths)
	}
	results := make([]Result, len(paths))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	chunk := (len(paths) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, (w+1)*chunk
		if hi > len(paths) {
			hi = len(paths)
		}
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			r, err := filesSerial(paths[lo:hi])
			copy(results[lo:hi], r)
			errs[w] = err
		}(w, lo, hi)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

// filesSerial runs one nix-instantiate for a batch of files and starts
// again after the first file that fails (Nix stops there), so a batch of
// valid files costs one process.
func filesSerial(paths []string) ([]Result, error) {
	results := make([]Result, len(paths))
	for start := 0; start < len(paths); {
		end := start + 200
		if end > len(paths) {
			end = len(paths)
		}
		args := append([]string{"--store", "dummy://", "--parse"}, paths[start:end]...)
		cmd := exec.Command(program, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if stdout.Len() == 0 {
			lines = nil
		}
		if len(lines) > end-start {
			return nil, errors.New("nixoracle: more AST lines than files; an AST spans lines")
		}
		for i, l := range lines {
			results[start+i] = Result{Verdict: Accept, AST: l}
		}
		next := start + len(lines)
		if err == nil {
			if next != end {
				return nil, errors.New("nixoracle: fewer AST lines than files")
			}
			start = end
			continue
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, err
		}
		if exit.ExitCode() != 1 {
			results[next] = Result{Verdict: NoVerdict, Message: exit.String()}
		} else {
			msg := firstErrorLine(stderr.String())
			results[next] = Result{Verdict: Classify(msg), Message: msg}
			if m := position.FindStringSubmatch(stderr.String()); m != nil {
				results[next].Line, _ = strconv.Atoi(m[1])
				results[next].Col, _ = strconv.Atoi(m[2])
			}
		}
		start = next + 1
	}
	return results, nil
}

// position is Nix's "at FILE:LINE:COL:" line.
var position = regexp.MustCompile(`(?m)^\s*at .*:(\d+):(\d+):?\s*$`)

func firstErrorLine(stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") {
			return strings.TrimPrefix(l, "error: ")
		}
	}
	return strings.TrimSpace(stderr)
}
