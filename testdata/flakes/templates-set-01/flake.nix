{
  description = ''
    Project templates for `nix flake init -t`
  '';

  outputs = { self }: {
    templates = {
      zig = {
        path = ./templates/zig;
        description = "Zig project";
        welcomeText = ''
          # zig template
          Run `nix develop` to get started.
        '';
      };
      minimal = {
        path = ./templates/minimal;
        description = "Minimal project";
        welcomeText = ''
          # minimal template
          Run `nix develop` to get started.
        '';
      };
      haskell = {
        path = ./templates/haskell;
        description = "Haskell project";
        welcomeText = ''
          # haskell template
          Run `nix develop` to get started.
        '';
      };
      python = {
        path = ./templates/python;
        description = "Python project";
      };
      default = self.templates.zig;
    };
  };
}
