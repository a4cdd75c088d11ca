{
  description = ''
    Project templates for `nix flake init -t`
  '';

  outputs = { self }: {
    templates = {
      go = {
        path = ./templates/go;
        description = "Go project";
      };
      nixos-module = {
        path = ./templates/nixos-module;
        description = "Nixos-module project";
      };
      default = self.templates.go;
    };
  };
}
