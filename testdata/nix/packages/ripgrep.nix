{ lib
, stdenv
, rustPlatform
, fetchFromGitHub
, installShellFiles
, pkg-config
, withPCRE2 ? true
, pcre2
, darwin
}:

rustPlatform.buildRustPackage rec {
  pname = "ripgrep";
  version = "14.1.0";

  src = fetchFromGitHub {
    owner = "BurntSushi";
    repo = pname;
    rev = version;
    hash = "sha256-CBU1GzgWMPTVsgaPMy39VRcENw5iWRUrRpjyuGiZpPI=";
  };

  cargoHash = "sha256-8FxN5MhYduMkzym7Xx4dnVbWaBKv9pgbXMIRGiRRQew=";

  nativeBuildInputs = [ installShellFiles ] ++ lib.optional withPCRE2 pkg-config;
  buildInputs = lib.optional withPCRE2 pcre2
    ++ lib.optional stdenv.isDarwin darwin.apple_sdk.frameworks.Security;

  buildFeatures = lib.optional withPCRE2 "pcre2";

  postInstall = ''
    installManPage doc/rg.1
    installShellCompletion --bash --name rg complete/rg.bash
  '';

  meta = {
    description = "A utility that combines the usability of The Silver Searcher with the raw speed of grep";
    homepage = "https://github.com/BurntSushi/ripgrep";
    license = with lib.licenses; [ unlicense mit ];
    mainProgram = "rg";
  };
}
