{
  description = "url is a number";
  inputs.a.url = 1;
  outputs = { self, a }: { };
}
