package importcheck

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/flake-lsp/flake-lsp"

// pkg is what `go list -json` tells of a package.
type pkg struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Imports    []string
	Standard   bool
}

// list runs `go list -deps -json` at the module root.
func list(t *testing.T, patterns ...string) map[string]pkg {
	t.Helper()
	args := append([]string{"list", "-deps", "-json"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = filepath.Join("..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

// noNetwork are the standard packages that reach a network or run
// programs.
var noNetwork = []string{"os/exec", "net", "net/http", "net/rpc", "net/smtp", "crypto/tls", "plugin"}

// TestAnalysesCannotReachNetworkOrRunPrograms: the parsing and analysis
// packages, with everything they import (inside this module or not),
// link none of the packages that open connections or start processes.
func TestAnalysesCannotReachNetworkOrRunPrograms(t *testing.T) {
	pkgs := list(t, "./analysis/...", "./syntax/...", "./check", "./position", "./grammar")
	if _, ok := pkgs[module+"/check"]; !ok {
		t.Fatalf("go list did not list the check package: %d packages", len(pkgs))
	}
	for _, bad := range noNetwork {
		if _, ok := pkgs[bad]; !ok {
			continue
		}
		var importers []string
		for _, p := range pkgs {
			for _, imp := range p.Imports {
				if imp == bad {
					importers = append(importers, p.ImportPath)
				}
			}
		}
		sort.Strings(importers)
		t.Errorf("the analyses depend on %s, imported by %v", bad, importers)
	}
}

// call is a call of a function of an imported package, as pkg.Func.
type call struct {
	file, fn  string // where (fn: the enclosing function)
	pos       token.Position
	pkg, name string
}

// calls lists the calls of imported packages' functions in files, with
// the import path each file gives the package's name.
func calls(t *testing.T, files []string) []call {
	t.Helper()
	var out []call
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{} // local name -> import path
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				name = imp.Name.Name
			}
			names[name] = path
		}
		for _, decl := range f.Decls {
			fn := ""
			if d, ok := decl.(*ast.FuncDecl); ok {
				fn = d.Name.Name
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				id, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				// Any mention counts, called or not (a function value can
				// be called later).
				if path, ok := names[id.Name]; ok {
					out = append(out, call{file: file, fn: fn, pos: fset.Position(sel.Pos()), pkg: path, name: sel.Sel.Name})
				}
				return true
			})
		}
	}
	return out
}

// binaryFiles are the Go files of this module's packages linked into the
// flake-lsp binary, by package import path.
func binaryFiles(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for path, p := range list(t, "./cmd/flake-lsp") {
		if !strings.HasPrefix(path, module) {
			continue
		}
		for _, f := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
			out[path] = append(out[path], filepath.Join(p.Dir, f))
		}
	}
	if len(out[module+"/lsp"]) == 0 || len(out[module+"/check"]) == 0 {
		t.Fatalf("the binary's packages were not listed: %v", out)
	}
	return out
}

// TestOnlyTheFormatterRunsAProgram: in every package of the binary, the
// only use of os/exec's functions is the formatter's exec.CommandContext
// in lsp/format.go (runFormatter, run on a formatting request), and no
// package imports net or net/http.
func TestOnlyTheFormatterRunsAProgram(t *testing.T) {
	found := 0
	for path, files := range binaryFiles(t) {
		for _, c := range calls(t, files) {
			switch {
			case c.pkg == "os/exec" && path == module+"/lsp" && filepath.Base(c.file) == "format.go" && c.fn == "runFormatter" && c.name == "CommandContext":
				found++
			case c.pkg == "os/exec":
				t.Errorf("%s: exec.%s in %s: only the formatter (lsp/format.go runFormatter) may run a program", c.pos, c.name, c.fn)
			case c.pkg == "net" || c.pkg == "net/http" || c.pkg == "syscall" && strings.HasPrefix(c.name, "Exec") || c.pkg == "os" && c.name == "StartProcess":
				t.Errorf("%s: %s.%s in %s", c.pos, c.pkg, c.name, c.fn)
			}
		}
	}
	if found != 1 {
		t.Errorf("found the formatter's exec.CommandContext %d times, want once", found)
	}
}

// writers are the functions of os that write to the file system.
var writers = map[string]bool{
	"WriteFile": true, "Create": true, "CreateTemp": true, "OpenFile": true, "Mkdir": true, "MkdirAll": true,
	"MkdirTemp": true, "Remove": true, "RemoveAll": true, "Rename": true, "Symlink": true, "Link": true,
	"Chmod": true, "Chown": true, "Lchown": true, "Chtimes": true, "Truncate": true, "CopyFS": true,
}

// TestWritesOnlyTheLogFileAndTheCache: no package of the binary writes to
// the file system except for the log file the user names with --log-file
// (cmd/flake-lsp, serve.go: os.OpenFile in append mode; also the heap
// profile named with --heap-profile, os.Create there) and the index
// cache (analysis/indexcache, cache.go: the files of its own directory,
// written to a temporary file and renamed, touched when read, removed
// when corrupt or old).
func TestWritesOnlyTheLogFileAndTheCache(t *testing.T) {
	found, cache := 0, 0
	for path, files := range binaryFiles(t) {
		for _, c := range calls(t, files) {
			if !(c.pkg == "os" && writers[c.name] || c.pkg == "io/ioutil" && (c.name == "WriteFile" || c.name == "TempFile" || c.name == "TempDir")) {
				continue
			}
			if path == module+"/cmd/flake-lsp" && filepath.Base(c.file) == "serve.go" && c.name == "OpenFile" {
				found++
				continue
			}
			if path == module+"/cmd/flake-lsp" && filepath.Base(c.file) == "serve.go" && c.name == "Create" {
				continue // the heap profile the user names with --heap-profile
			}
			if path == module+"/analysis/indexcache" && filepath.Base(c.file) == "cache.go" {
				cache++
				continue
			}
			t.Errorf("%s: %s.%s in %s writes to the file system", c.pos, c.pkg, c.name, c.fn)
		}
	}
	if found != 1 {
		t.Errorf("found the log file's os.OpenFile %d times, want once", found)
	}
	if cache == 0 {
		t.Errorf("found no write of the index cache: is analysis/indexcache still in the binary?")
	}
}
