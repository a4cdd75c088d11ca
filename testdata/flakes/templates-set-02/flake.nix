{
  description = ''Project templates for `nix flake init -t`'';

  outputs = { self }: {
    templates = {
      node = {
        path = ./templates/node;
        description = "Node project";
      };
      rust = {
        path = ./templates/rust;
        description = "Rust project";
      };
      default = self.templates.node;
    };
  };
}
