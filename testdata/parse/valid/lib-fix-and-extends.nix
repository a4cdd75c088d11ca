let
  # Fixed point of a function.
  fix = f: let x = f x; in x;

  # Extend a fixed-point function with an overlay.
  extends = overlay: f: final:
    let prev = f final;
    in prev // overlay final prev;

  composeExtensions = f: g: final: prev:
    let
      fApplied = f final prev;
      prev' = prev // fApplied;
    in
    fApplied // g final prev';

  makeExtensible = rattrs:
    fix (self: rattrs self // {
      extend = f: makeExtensible (extends f rattrs);
    });

  base = makeExtensible (self: {
    greeting = "hello";
    message = "${self.greeting}, world";
  });

  extended = base.extend (final: prev: {
    greeting = prev.greeting + " there";
  });
in
{
  inherit fix extends composeExtensions makeExtensible;
  test = assert extended.message == "hello there, world"; true;
}
