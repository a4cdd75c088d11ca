{
  description = "Pure Nix library with no inputs at all";

  outputs = { self }: {
    lib = rec {
      compose = fs: x: builtins.foldl' (acc: f: f acc) x fs;
      clamp = lo: hi: x: if x < lo then lo else if x > hi then hi else x;
      range = a: b: if a > b then [ ] else [ a ] ++ range (a + 1) b;
      sum = builtins.foldl' builtins.add 0;
    };

    tests = {
      clamp = self.lib.clamp 0 10 42 == 10;
      sum = self.lib.sum (self.lib.range 1 4) == 10;
    };
  };
}
