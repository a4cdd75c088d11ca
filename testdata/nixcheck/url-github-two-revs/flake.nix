{
  description = "two revs";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567?rev=89abcdef0123456789abcdef0123456789abcdef";
  outputs = { self, nixpkgs }: { };
}
