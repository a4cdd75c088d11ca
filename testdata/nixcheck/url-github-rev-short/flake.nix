{
  description = "short rev";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs?rev=abc123";
  outputs = { self, nixpkgs }: { };
}
