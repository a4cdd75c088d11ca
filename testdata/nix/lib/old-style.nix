# Code in the style of 2010s nixpkgs: a rec set with builtins pulled in
# by `with`, and some helpers nothing uses any more.
with builtins;

rec {
  version = "1.2.3";
  versionParts = splitVersion version;
  major = elemAt versionParts 0;

  isMajor = v: head (splitVersion v) == major;

  maybeToString = x: if x == null then "" else toString x;

  unusedLet = let helper = 1; unusedHelper = helper + 1; in 42;
}
