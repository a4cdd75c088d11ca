{
  description = "github:owner only";
  inputs.a.url = "github:NixOS";
  outputs = { self, a }: { };
}
