{
  description = "input declared in two merged attribute paths";
  inputs = {
    data.url = "path:./data";
  };
  inputs.data.flake = false;
  outputs = { self, data }: { };
}
