{
  description = "nixpkgs?ref=x";
  inputs.nixpkgs.url = "nixpkgs?ref=nixos-unstable";
  outputs = { self, nixpkgs }: { };
}
