{
  description = "ref next to url";
  inputs.nixpkgs = {
    url = "github:NixOS/nixpkgs";
    ref = "nixos-unstable";
  };
  outputs = { self, nixpkgs }: { };
}
