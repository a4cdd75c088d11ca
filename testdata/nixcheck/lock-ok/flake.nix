{
  description = "flake with an up-to-date lock";
  inputs.dep.url = "path:./dep";
  outputs = { self, dep }: { };
}
