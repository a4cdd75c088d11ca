{ lib, buildGoModule, fetchFromGitHub, installShellFiles, stdenv }:

buildGoModule rec {
  pname = "gotool";
  version = "0.9.3";

  src = fetchFromGitHub {
    owner = "example";
    repo = "gotool";
    rev = "v${version}";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };

  vendorHash = null;

  subPackages = [ "cmd/gotool" ];

  ldflags = [ "-s" "-w" "-X main.version=${version}" ];

  nativeBuildInputs = [ installShellFiles ];

  postInstall = lib.optionalString (stdenv.buildPlatform.canExecute stdenv.hostPlatform) ''
    installShellCompletion --cmd gotool \
      --bash <($out/bin/gotool completion bash) \
      --zsh <($out/bin/gotool completion zsh)
  '';

  meta = {
    description = "A small command line tool";
    license = lib.licenses.mit;
    mainProgram = "gotool";
  };
}
