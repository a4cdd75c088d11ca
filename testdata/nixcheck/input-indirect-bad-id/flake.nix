{
  description = "indirect with a bad id";
  inputs.a = {
    type = "indirect";
    id = "1bad";
  };
  outputs = { self, a }: { };
}
