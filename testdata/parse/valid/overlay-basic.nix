# Personal overlay: pinned versions and small fixes.
final: prev: {
  # Newer release than nixpkgs ships.
  jq = prev.jq.overrideAttrs (old: rec {
    version = "1.7.1";
    src = prev.fetchurl {
      url = "https://github.com/jqlang/jq/releases/download/jq-${version}/jq-${version}.tar.gz";
      hash = "sha256-LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL=";
    };
  });

  # Build without the X11 frontend.
  mpv-headless = prev.mpv.override { x11Support = false; };

  my-scripts = final.callPackage ./pkgs/my-scripts { };

  # Tests are flaky on our builders.
  python3 = prev.python3.override {
    packageOverrides = pyFinal: pyPrev: {
      httpx = pyPrev.httpx.overridePythonAttrs (_: { doCheck = false; });
    };
  };
  python3Packages = final.python3.pkgs;
}
