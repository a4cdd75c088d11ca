{
  description = "nested follows to nowhere";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.sub.follows = "nope";
  outputs = { self, dep }: { };
}
