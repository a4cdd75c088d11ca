final: prev:

{
  pythonPackagesExtensions = prev.pythonPackagesExtensions ++ [
    (python-final: python-prev: {
      fastjson = python-final.callPackage ../pkgs/fastjson { };

      # upstream pins an older pydantic
      langtool = python-prev.langtool.overridePythonAttrs (old: {
        pythonRelaxDeps = [ "pydantic" ];
        nativeBuildInputs = (old.nativeBuildInputs or [ ])
          ++ [ python-final.pythonRelaxDepsHook ];
      });

      numpy = if final.stdenv.hostPlatform.isAarch64
        then python-prev.numpy.overridePythonAttrs { doCheck = false; }
        else python-prev.numpy;
    })
  ];
}
