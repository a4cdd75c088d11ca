{
  description = "github without repo";
  inputs.a = {
    type = "github";
    owner = "NixOS";
  };
  outputs = { self, a }: { };
}
