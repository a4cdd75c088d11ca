import <nixpkgs/nixos/tests/make-test-python.nix> ({ pkgs, lib, ... }: {
  name = "example-site";

  nodes.machine = { config, ... }: {
    imports = [ ../modules/nginx-site.nix ];
    services.exampleSite = {
      enable = true;
      domain = "localhost";
      acme = false;
    };
    environment.systemPackages = [ pkgs.curl ];
  };

  testScript = ''
    machine.wait_for_unit("nginx.service")
    machine.succeed("curl -s http://localhost | grep Welcome")
  '';

  meta.maintainers = with lib.maintainers; [ ];
})
