{ buildGoModule, version }:
buildGoModule {
  pname = "pgbouncer-exporter";
  inherit version;
  src = ../.;
  vendorHash = "sha256-9gq5tHjC5Yq2iJ9zR1e0p6u1D3Gk4K7o7x8qYBv3bGk=";
}
