{
  description = "github attrs with ref and rev";
  inputs.nixpkgs = {
    type = "github";
    owner = "NixOS";
    repo = "nixpkgs";
    ref = "nixos-unstable";
    rev = "0123456789abcdef0123456789abcdef01234567";
  };
  outputs = { self, nixpkgs }: { };
}
