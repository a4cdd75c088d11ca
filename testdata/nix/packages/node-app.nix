{ lib
, buildNpmPackage
, fetchFromGitHub
, nodejs_20
, makeWrapper
}:

buildNpmPackage rec {
  pname = "node-app";
  version = "1.4.0";

  src = fetchFromGitHub {
    owner = "example";
    repo = pname;
    rev = "v${version}";
    hash = "sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";
  };

  npmDepsHash = "sha256-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=";

  nodejs = nodejs_20;

  nativeBuildInputs = [ makeWrapper ];

  npmBuildScript = "build";

  postInstall = ''
    makeWrapper ${nodejs}/bin/node $out/bin/node-app \
      --add-flags $out/lib/node_modules/node-app/dist/main.js
  '';

  meta = with lib; {
    description = "A Node.js application packaged with buildNpmPackage";
    license = licenses.isc;
    platforms = platforms.unix;
  };
}
