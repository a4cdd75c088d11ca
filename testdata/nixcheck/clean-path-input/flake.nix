{
  description = "one path: input";
  inputs.dep.url = "path:./dep";
  outputs = { self, dep }: { };
}
