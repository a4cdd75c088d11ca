{
  description = "lock with a changed reference";
  inputs.dep.url = "path:./dep2";
  outputs = { self, dep }: { };
}
