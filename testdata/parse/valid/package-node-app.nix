{ lib, buildNpmPackage, fetchFromGitHub, nodejs_20, makeWrapper, ffmpeg }:

buildNpmPackage rec {
  pname = "clip-tool";
  version = "4.0.3";

  src = fetchFromGitHub {
    owner = "example";
    repo = "clip-tool";
    rev = "v${version}";
    hash = "sha256-FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF=";
  };

  npmDepsHash = "sha256-GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG=";
  nodejs = nodejs_20;

  nativeBuildInputs = [ makeWrapper ];

  # skip the postinstall script that downloads a prebuilt ffmpeg
  npmFlags = [ "--ignore-scripts" ];
  makeCacheWritable = true;

  postInstall = ''
    wrapProgram $out/bin/clip-tool \
      --prefix PATH : ${lib.makeBinPath [ ffmpeg ]}
  '';

  meta = {
    description = "Cut and convert short video clips from the command line";
    license = lib.licenses.isc;
    mainProgram = "clip-tool";
  };
}
