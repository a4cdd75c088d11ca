{
  description = "Project templates for `nix flake init -t`";

  outputs = { self }: {
    templates = {
      haskell = {
        path = ./templates/haskell;
        description = "Haskell project";
        welcomeText = ''
          # haskell template
          Run `nix develop` to get started.
        '';
      };
      c = {
        path = ./templates/c;
        description = "C project";
      };
      python = {
        path = ./templates/python;
        description = "Python project";
      };
      rust = {
        path = ./templates/rust;
        description = "Rust project";
      };
      default = self.templates.haskell;
    };
  };
}
