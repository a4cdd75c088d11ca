{
  description = "lock entry that is not locked";
  inputs.dep.url = "path:./dep";
  outputs = { self, dep }: { };
}
