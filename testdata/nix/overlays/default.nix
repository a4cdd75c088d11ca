final: prev:

{
  example-cli = final.callPackage ../packages/go-tool.nix { };

  hello = prev.hello.overrideAttrs (old: {
    pname = "${old.pname}-patched";
    patches = (old.patches or [ ]) ++ [ ./hello-greeting.patch ];
  });

  python3 = prev.python3.override {
    packageOverrides = pyFinal: pyPrev: {
      requests = pyFinal.callPackage ../packages/python-requests.nix { };
      urllib3 = pyPrev.urllib3.overridePythonAttrs (_: { doCheck = false; });
    };
  };
}
