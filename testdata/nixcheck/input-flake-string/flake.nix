{
  description = "flake = \"no\"";
  inputs.a = {
    url = "path:./dep";
    flake = "no";
  };
  outputs = { self, a }: { };
}
