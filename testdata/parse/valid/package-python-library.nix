{ lib
, buildPythonPackage
, fetchPypi
, pythonOlder
, setuptools
, wheel
, requests
, pyyaml
, pytestCheckHook
, pytest-mock
}:

buildPythonPackage rec {
  pname = "confetti-config";
  version = "1.3.0";
  pyproject = true;

  disabled = pythonOlder "3.8";

  src = fetchPypi {
    pname = "confetti_config";
    inherit version;
    hash = "sha256-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=";
  };

  nativeBuildInputs = [
    setuptools
    wheel
  ];

  propagatedBuildInputs = [
    requests
    pyyaml
  ];

  nativeCheckInputs = [
    pytestCheckHook
    pytest-mock
  ];

  disabledTests = [
    # requires network
    "test_remote_schema"
  ];

  pythonImportsCheck = [ "confetti" ];

  meta = with lib; {
    description = "Layered configuration loading for Python applications";
    homepage = "https://github.com/example/confetti";
    license = licenses.mit;
  };
}
