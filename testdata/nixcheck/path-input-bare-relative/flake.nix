{
  description = "input given as a bare relative path (no scheme)";
  inputs.dep.url = "./dep";
  outputs = { self, dep }: { };
}
