{
  description = "ref on a path input";
  inputs.a = {
    type = "path";
    path = "./dep";
    ref = "main";
  };
  outputs = { self, a }: { };
}
