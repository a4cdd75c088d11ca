{
  description = "input with only flake = false";
  inputs.nixpkgs.flake = false;
  outputs = { self, nixpkgs }: { };
}
