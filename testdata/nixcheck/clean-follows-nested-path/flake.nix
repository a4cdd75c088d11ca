{
  description = "input follows an input of a dependency (dep/sub)";
  inputs.dep.url = "path:./dep";
  inputs.s.follows = "dep/sub";
  outputs = { self, dep, s }: { };
}
