{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.exampleSite;

  siteRoot = pkgs.runCommand "example-site-root" { } ''
    mkdir -p $out
    echo '<h1>${cfg.title}</h1>' > $out/index.html
  '';
in
{
  options.services.exampleSite = {
    enable = mkEnableOption "the example web site";

    domain = mkOption {
      type = types.str;
      example = "example.org";
      description = "Domain name the site is served under.";
    };

    title = mkOption {
      type = types.str;
      default = "Welcome";
      description = "Title shown on the front page.";
    };

    acme = mkOption {
      type = types.bool;
      default = true;
      description = "Whether to get a certificate from Let's Encrypt.";
    };
  };

  config = mkIf cfg.enable {
    services.nginx = {
      enable = true;
      virtualHosts.${cfg.domain} = {
        enableACME = cfg.acme;
        forceSSL = cfg.acme;
        root = siteRoot;
      };
    };

    networking.firewall.allowedTCPPorts = [ 80 443 ];
  };
}
