{
  description = "ref and rev";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable?rev=0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: { };
}
