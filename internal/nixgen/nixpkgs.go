package nixgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// NixpkgsTree writes a nixpkgs-shaped tree under dir for benchmarks of the
// nixpkgs indexes: pkgs/top-level/all-packages.nix with bindings top-level
// bindings (most of them callPackage calls, some inherits and plain
// values), pkgs/top-level/aliases.nix with a few aliases, and byName
// directories under pkgs/by-name, each with a package.nix. It returns the
// number of attributes written (bindings + byName + aliases).
func NixpkgsTree(dir string, bindings, byName int) (int, error) {
	top := filepath.Join(dir, "pkgs", "top-level")
	if err := os.MkdirAll(top, 0o755); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "lib"), 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "lib", "default.nix"), []byte("let lib = { }; in lib\n"), 0o644); err != nil {
		return 0, err
	}
	var b strings.Builder
	b.Grow(bindings * 72)
	b.WriteString("{ lib, noSysDirs, config, overlays }:\nres: pkgs: super:\n\nwith pkgs;\n\n{\n")
	for i := 0; i < bindings; {
		switch i % 50 {
		case 7:
			// One inherit line names three attributes.
			fmt.Fprintf(&b, "  inherit (callPackages ../development/libraries/group-%d { }) pkg-%d pkg-%d pkg-%d;\n\n", i, i, i+1, i+2)
			i += 3
			continue
		case 13:
			fmt.Fprintf(&b, "  pkg-%d = pkg-%d.override { withFeature = true; };\n\n", i, i-1)
		case 29:
			fmt.Fprintf(&b, "  # A comment about pkg-%d.\n  pkg-%d = lowPrio (callPackage ../tools/misc/pkg-%d/wrapper.nix { stdenv = gccStdenv; });\n\n", i, i, i)
		default:
			fmt.Fprintf(&b, "  pkg-%d = callPackage ../applications/misc/pkg-%d { };\n\n", i, i)
		}
		i++
	}
	b.WriteString("}\n")
	if err := os.WriteFile(filepath.Join(top, "all-packages.nix"), []byte(b.String()), 0o644); err != nil {
		return 0, err
	}
	aliases := bindings / 100
	b.Reset()
	b.WriteString("lib: self: super:\n\nlet\n  removed = name: throw \"${name} was removed\";\nin\nmapAliases {\n")
	for i := 0; i < aliases; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&b, "  old-pkg-%d = pkg-%d; # Added 2024-01-01\n", i, i)
		} else {
			fmt.Fprintf(&b, "  gone-pkg-%d = throw \"'gone-pkg-%d' has been removed as it was unmaintained\"; # Added 2024-01-01\n", i, i)
		}
	}
	b.WriteString("}\n")
	if err := os.WriteFile(filepath.Join(top, "aliases.nix"), []byte(b.String()), 0o644); err != nil {
		return 0, err
	}
	for i := 0; i < byName; i++ {
		name := fmt.Sprintf("%c%c-tool-%d", 'a'+i%26, 'a'+(i/26)%26, i)
		d := filepath.Join(dir, "pkgs", "by-name", name[:2], name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return 0, err
		}
		src := fmt.Sprintf("{ lib, stdenv, fetchurl }:\n\nstdenv.mkDerivation (finalAttrs: {\n  pname = %q;\n  version = \"1.0\";\n  meta = {\n    description = \"Tool number %d\";\n    license = lib.licenses.mit;\n  };\n})\n", name, i)
		if err := os.WriteFile(filepath.Join(d, "package.nix"), []byte(src), 0o644); err != nil {
			return 0, err
		}
	}
	return bindings + byName + aliases, nil
}
