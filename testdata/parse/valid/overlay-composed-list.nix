{ lib }:

let
  pinCargo = final: prev: {
    cargo-nextest = prev.cargo-nextest.overrideAttrs { doCheck = false; };
  };

  addTools = final: prev: {
    devTools = final.symlinkJoin {
      name = "dev-tools";
      paths = [ final.ripgrep final.fd final.bat ];
    };
  };

  withDebug = pkgName: final: prev: {
    ${pkgName} = prev.${pkgName}.overrideAttrs (old: {
      dontStrip = true;
      separateDebugInfo = true;
      NIX_CFLAGS_COMPILE = toString (old.NIX_CFLAGS_COMPILE or "") + " -ggdb -Og";
    });
  };
in
lib.composeManyExtensions [
  pinCargo
  addTools
  (withDebug "curl")
  (withDebug "sqlite")
]
