{
  description = "inputs.dep.inputs.self";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.self.follows = "dep";
  outputs = { self, dep }: { };
}
