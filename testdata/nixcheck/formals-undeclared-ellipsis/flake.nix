{
  description = "undeclared formal next to ...";
  inputs.a.url = "path:./dep";
  outputs = { self, a, extra, ... }: { };
}
