{
  description = "a URL literal as input url";
  inputs.dep.url = path:./dep;
  outputs = { self, dep }: { };
}
