{
  description = "url given as a path literal";
  inputs.a.url = ./dep;
  outputs = { self, a }: { };
}
