{
  description = "unknown scheme";
  inputs.a.url = "foo:bar";
  outputs = { self, a }: { };
}
