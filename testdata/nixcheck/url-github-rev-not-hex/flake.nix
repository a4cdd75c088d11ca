{
  description = "rev with non-hex characters";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs?rev=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
  outputs = { self, nixpkgs }: { };
}
