{
  description = "unknown attribute for type github";
  inputs.nixpkgs = {
    type = "github";
    owner = "NixOS";
    repo = "nixpkgs";
    foo = "bar";
  };
  outputs = { self, nixpkgs }: { };
}
