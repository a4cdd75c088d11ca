{
  description = "fragment in a github input";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs#hello";
  outputs = { self, nixpkgs }: { };
}
