{
  description = "rec sets where Nix reads literals";
  inputs = rec {
    t1.url = "path:./t1";
    dep = rec {
      url = "path:./dep";
      flake = true;
    };
  };
  outputs = { self, dep, t1 }: { };
}
