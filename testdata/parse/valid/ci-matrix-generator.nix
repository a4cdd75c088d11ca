# Generates a JSON build matrix for CI:
#   nix eval --json -f ci-matrix-generator.nix
let
  systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" ];
  compilers = [ "gcc" "clang" ];
  buildTypes = [ "debug" "release" ];

  cartesian = a: b: builtins.concatMap (x: map (y: [ x y ]) b) a;

  excluded = entry:
    entry.system == "x86_64-darwin" && entry.compiler == "gcc"
    || entry.buildType == "debug" && entry.system != "x86_64-linux";

  entries = builtins.concatMap (system:
    builtins.concatMap (cc:
      map (bt: {
        inherit system;
        compiler = cc;
        buildType = bt;
        name = "${system}-${cc}-${bt}";
        runner = if builtins.match ".*darwin" system != null then "macos-14" else "ubuntu-latest";
      }) buildTypes
    ) compilers
  ) systems;

  included = builtins.filter (e: !excluded e) entries;
in
{
  include = included;
  count = builtins.length included;
  pairs = cartesian [ 1 2 ] [ "a" "b" ];
}
