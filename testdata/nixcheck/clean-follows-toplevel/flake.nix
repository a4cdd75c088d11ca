{
  description = "top-level input follows another top-level input";
  inputs.a.url = "path:./dep";
  inputs.b.follows = "a";
  outputs = { self, a, b }: { };
}
