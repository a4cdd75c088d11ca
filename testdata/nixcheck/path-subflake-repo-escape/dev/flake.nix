{
  description = "sub-flake reaching past the repository";
  inputs.outside.url = "path:../../outside";
  outputs = { self, outside }: { };
}
