{
  description = "Project templates for `nix flake init -t`";

  outputs = { self }: {
    templates = {
      rust = {
        path = ./templates/rust;
        description = "Rust project with crane";
        welcomeText = ''
          # Rust template
          Run `nix develop` and then `cargo init`.
        '';
      };
      python = {
        path = ./templates/python;
        description = "Python project with a uv-managed virtualenv";
      };
      minimal = {
        path = ./templates/minimal;
        description = "A flake with nothing but a dev shell";
      };
      default = self.templates.minimal;
    };
  };
}
