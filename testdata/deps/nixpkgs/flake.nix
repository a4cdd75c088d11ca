{
  description = "A collection of packages, a small stand-in for nixpkgs";

  outputs = { self }: {
    lib = {
      genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
      mkIf = condition: content: { _type = "if"; inherit condition content; };
    };
    legacyPackages.x86_64-linux = {
      hello = derivation { name = "hello"; system = "x86_64-linux"; builder = "/bin/sh"; };
      cowsay = derivation { name = "cowsay"; system = "x86_64-linux"; builder = "/bin/sh"; };
    };
  };
}
