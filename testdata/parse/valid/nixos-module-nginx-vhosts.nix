{ config, lib, pkgs, ... }:

let
  domain = "example.org";
  mkProxy = port: {
    forceSSL = true;
    enableACME = true;
    locations."/" = {
      proxyPass = "http://127.0.0.1:${toString port}";
      proxyWebsockets = true;
      extraConfig = ''
        proxy_read_timeout 300s;
        client_max_body_size 50M;
      '';
    };
  };
  apps = {
    grafana = 3000;
    gitea = 3001;
    "hedge-doc" = 3002;
  };
in
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@${domain}";
  };

  services.nginx = {
    enable = true;
    recommendedProxySettings = true;
    recommendedTlsSettings = true;
    recommendedGzipSettings = true;

    virtualHosts = lib.mapAttrs' (name: port:
      lib.nameValuePair "${name}.${domain}" (mkProxy port)
    ) apps // {
      ${domain} = {
        forceSSL = true;
        enableACME = true;
        root = pkgs.writeTextDir "index.html" "<h1>hello</h1>";
      };
    };
  };

  networking.firewall.allowedTCPPorts = [ 80 443 ];

  assertions = [
    {
      assertion = config.services.nginx.enable -> config.security.acme.acceptTerms;
      message = "ACME terms must be accepted when nginx is enabled";
    }
  ];
}
