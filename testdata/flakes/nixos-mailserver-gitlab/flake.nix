{
  description = "Mail server using Simple NixOS Mailserver from GitLab";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    simple-nixos-mailserver = {
      url = "gitlab:simple-nixos-mailserver/nixos-mailserver/nixos-24.11";
      inputs.nixpkgs.follows = "nixpkgs";
      inputs.nixpkgs-24_11.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, simple-nixos-mailserver }: {
    nixosConfigurations.mail = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        simple-nixos-mailserver.nixosModule
        {
          mailserver = {
            enable = true;
            fqdn = "mail.example.net";
            domains = [ "example.net" ];
            loginAccounts."admin@example.net" = {
              hashedPasswordFile = "/var/lib/secrets/admin-mail.hash";
              aliases = [ "postmaster@example.net" ];
            };
            certificateScheme = "acme-nginx";
          };
          security.acme.acceptTerms = true;
          security.acme.defaults.email = "postmaster@example.net";
          boot.loader.grub.device = "/dev/vda";
          fileSystems."/" = { device = "/dev/vda1"; fsType = "ext4"; };
          system.stateVersion = "24.11";
        }
      ];
    };
  };
}
