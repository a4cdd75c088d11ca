{
  description = "flake = !true";
  inputs.a = {
    url = "path:./dep";
    flake = !true;
  };
  outputs = { self, a }: { };
}
