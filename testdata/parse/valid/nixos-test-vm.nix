# A NixOS VM test: two machines, one serving HTTP and one fetching.
{ pkgs, lib, ... }:

pkgs.nixosTest {
  name = "webserver-basic";

  nodes = {
    server = { config, pkgs, ... }: {
      services.nginx.enable = true;
      services.nginx.virtualHosts."server".root = pkgs.writeTextDir "index.html" "it works";
      networking.firewall.allowedTCPPorts = [ 80 ];
    };

    client = { ... }: {
      environment.systemPackages = [ pkgs.curl ];
    };
  };

  testScript = ''
    start_all()
    server.wait_for_unit("nginx.service")
    server.wait_for_open_port(80)
    client.wait_for_unit("multi-user.target")
    out = client.succeed("curl -sf http://server/")
    assert "it works" in out, f"unexpected body: {out}"
  '';

  meta.maintainers = with lib.maintainers; [ ];
}
