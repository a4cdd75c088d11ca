{
  description = "lock with a dangling node reference";
  inputs.dep.url = "path:./dep";
  outputs = { self, dep }: { };
}
