{ lib
, buildPythonPackage
, fetchPypi
, pythonOlder
, certifi
, charset-normalizer
, idna
, urllib3
, pysocks
, pytestCheckHook
, pytest-mock
, pytest-httpbin
}:

buildPythonPackage rec {
  pname = "requests";
  version = "2.31.0";
  format = "setuptools";

  disabled = pythonOlder "3.7";

  src = fetchPypi {
    inherit pname version;
    hash = "sha256-lCxadY+Y15Dq7Ropy27vx/+w0c968Fw9J5Flbb1q0eE=";
  };

  propagatedBuildInputs = [
    certifi
    charset-normalizer
    idna
    urllib3
  ];

  passthru.optional-dependencies = {
    socks = [ pysocks ];
  };

  nativeCheckInputs = [
    pytestCheckHook
    pytest-mock
    pytest-httpbin
  ] ++ passthru.optional-dependencies.socks;

  disabledTests = [
    "test_connect_timeout"
    "test_total_timeout_connect"
  ];

  pythonImportsCheck = [ "requests" ];

  meta = with lib; {
    description = "HTTP library for Python";
    homepage = "http://docs.python-requests.org/";
    license = licenses.asl20;
  };
}
