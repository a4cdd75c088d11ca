{
  description = "attribute-form input with indented strings";
  inputs.dep = {
    type = ''github'';
    owner = ''NixOS'';
    repo = ''nixpkgs'';
    ref = ''nixos-unstable'';
  };
  outputs = { self, dep }: { };
}
