{
  description = "path attribute computed";
  inputs.a = {
    type = "path";
    path = "./" + "dep";
  };
  outputs = { self, a }: { };
}
