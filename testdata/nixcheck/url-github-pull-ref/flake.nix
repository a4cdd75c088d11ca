{
  description = "github pull request ref";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/pull/357207/head";
  outputs = { self, nixpkgs }: { };
}
