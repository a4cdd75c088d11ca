final: prev: rec {
  ourPython = prev.python311;
  ourPythonEnv = ourPython.withPackages (ps: with ps; [
    requests
    rich
    typer
  ]);
  ourTools = [ ourPythonEnv prev.jq prev.yq-go ];
  ourToolsEnv = prev.buildEnv {
    name = "our-tools";
    paths = ourTools;
  };
}
