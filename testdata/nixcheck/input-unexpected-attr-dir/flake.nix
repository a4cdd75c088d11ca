{
  description = "dir next to url";
  inputs.a = {
    url = "path:./dep";
    dir = "sub";
  };
  outputs = { self, a }: { };
}
