{ lib, buildGoModule, fetchFromGitHub, testers, nix-update-script, gomon }:

buildGoModule rec {
  pname = "gomon";
  version = "0.11.0";

  src = fetchFromGitHub {
    owner = "example";
    repo = "gomon";
    rev = "refs/tags/v${version}";
    hash = "sha256-DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=";
  };

  vendorHash = null;

  subPackages = [ "cmd/gomon" ];

  CGO_ENABLED = 0;

  ldflags = [
    "-s"
    "-w"
    "-X main.version=${version}"
    "-X main.commit=${src.rev}"
  ];

  passthru = {
    tests.version = testers.testVersion {
      package = gomon;
      command = "gomon --version";
    };
    updateScript = nix-update-script { };
  };

  meta = {
    description = "Process monitor with a terminal dashboard";
    homepage = "https://github.com/example/gomon";
    license = lib.licenses.asl20;
    mainProgram = "gomon";
  };
}
