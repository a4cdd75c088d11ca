{
  description = "nixpkgs/ref/notarev";
  inputs.nixpkgs.url = "nixpkgs/nixos-unstable/notarev";
  outputs = { self, nixpkgs }: { };
}
