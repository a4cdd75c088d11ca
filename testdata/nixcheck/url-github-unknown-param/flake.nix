{
  description = "unknown github parameter";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs?tag=v1";
  outputs = { self, nixpkgs }: { };
}
