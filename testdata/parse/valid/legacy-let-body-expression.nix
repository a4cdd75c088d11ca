# The deprecated `let { ...; body = ...; }` form, still accepted by Nix.
let {
  name = "legacy";
  version = "1.0";
  greeting = "${name}-${version}";

  helpers = {
    double = x: x * 2;
    inc = x: x + 1;
  };

  body = {
    inherit greeting;
    value = helpers.double (helpers.inc 20);
  };
}
