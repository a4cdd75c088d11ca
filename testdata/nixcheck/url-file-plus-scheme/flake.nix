{
  description = "file+https input";
  inputs.a = {
    url = "file+https://example.org/data.json";
    flake = false;
  };
  outputs = { self, a }: { };
}
