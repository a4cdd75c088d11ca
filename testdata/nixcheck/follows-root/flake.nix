{
  description = "follows the root flake";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.sub.follows = "";
  outputs = { self, dep }: { };
}
