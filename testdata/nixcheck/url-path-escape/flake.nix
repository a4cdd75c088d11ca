{
  description = "path input outside the flake";
  inputs.a.url = "path:../outside";
  outputs = { self, a }: { };
}
