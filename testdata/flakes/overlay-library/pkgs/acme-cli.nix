{ lib, buildGoModule }:
buildGoModule {
  pname = "acme-cli";
  version = "3.2.1";
  src = ../.;
  vendorHash = "sha256-3a8Y7n0aQxq0J0pF6o0dH3jwrB2r8C4cQ8bYpO6f9yE=";
  meta.mainProgram = "acme";
}
