{ buildPythonPackage, setuptools, requests }:
buildPythonPackage {
  pname = "acme-sdk";
  version = "3.2.1";
  pyproject = true;
  src = ../.;
  build-system = [ setuptools ];
  dependencies = [ requests ];
}
