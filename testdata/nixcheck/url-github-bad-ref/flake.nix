{
  description = "illegal ref";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs?ref=.bad";
  outputs = { self, nixpkgs }: { };
}
