{
  description = "flake = false in an override";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.sub.flake = false;
  outputs = { self, dep }: { };
}
