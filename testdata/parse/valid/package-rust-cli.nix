{ lib
, rustPlatform
, fetchFromGitHub
, pkg-config
, openssl
, stdenv
, darwin
, installShellFiles
}:

rustPlatform.buildRustPackage rec {
  pname = "ripfind";
  version = "0.7.2";

  src = fetchFromGitHub {
    owner = "example";
    repo = pname;
    rev = "v${version}";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };

  cargoHash = "sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";

  nativeBuildInputs = [ pkg-config installShellFiles ];

  buildInputs = [ openssl ]
    ++ lib.optionals stdenv.isDarwin [
      darwin.apple_sdk.frameworks.Security
      darwin.apple_sdk.frameworks.SystemConfiguration
    ];

  # The integration tests need network access.
  checkFlags = [
    "--skip=integration::fetch_remote"
    "--skip=integration::resolve_dns"
  ];

  postInstall = ''
    installShellCompletion --cmd ripfind \
      --bash <($out/bin/ripfind completions bash) \
      --fish <($out/bin/ripfind completions fish) \
      --zsh <($out/bin/ripfind completions zsh)
    installManPage doc/ripfind.1
  '';

  meta = with lib; {
    description = "A fast file finder that respects your ignore files";
    homepage = "https://github.com/example/ripfind";
    changelog = "https://github.com/example/ripfind/blob/v${version}/CHANGELOG.md";
    license = with licenses; [ mit asl20 ];
    maintainers = with maintainers; [ ];
    mainProgram = "ripfind";
  };
}
