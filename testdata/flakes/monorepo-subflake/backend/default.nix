{ buildGoModule }:
buildGoModule {
  pname = "backend";
  version = "0.1.0";
  src = ./.;
  vendorHash = null;
}
