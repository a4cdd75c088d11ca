{
  description = "type foo";
  inputs.a = {
    type = "foo";
  };
  outputs = { self, a }: { };
}
