{
  description = "url and follows on one input";
  inputs.b.url = "path:./dep";
  inputs.a = {
    url = "path:./dep";
    follows = "b";
  };
  outputs = { self, a, b }: { };
}
