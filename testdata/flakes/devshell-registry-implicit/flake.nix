{
  description = "Scratch shell; nixpkgs comes from the flake registry (no inputs declared)";

  outputs = { self, nixpkgs }: {
    devShells.x86_64-linux.default =
      with nixpkgs.legacyPackages.x86_64-linux;
      mkShell {
        packages = [ gcc gnumake gdb valgrind ];
      };
  };
}
