{
  description = "missing path input";
  inputs.a.url = "path:./nothere";
  outputs = { self, a }: { };
}
