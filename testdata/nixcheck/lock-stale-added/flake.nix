{
  description = "lock missing the input dep2";
  inputs.dep.url = "path:./dep";
  inputs.dep2.url = "path:./dep2";
  outputs = { self, dep, dep2 }: { };
}
