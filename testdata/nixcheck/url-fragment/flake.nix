{
  description = "fragment in an input";
  inputs.a.url = "path:./dep#foo";
  outputs = { self, a }: { };
}
