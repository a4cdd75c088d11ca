{ lib, buildGoModule }:
buildGoModule {
  pname = "acme-agent";
  version = "1.4.0";
  src = ./.;
  vendorHash = null;
  meta.mainProgram = "acme-agent";
}
