{
  description = "sourcehut input";
  inputs.a.url = "sourcehut:~user/repo";
  outputs = { self, a }: { };
}
