{ config, lib, pkgs, ... }:
let
  admins = [ "alice" "bob" ];
  keys = {
    alice = [ "ssh-ed25519 AAAAalice" ];
    bob = [ "ssh-ed25519 AAAAbob" "ssh-rsa AAAAbob2" ];
  };
in
{
  users.mutableUsers = false;

  users.users = lib.genAttrs admins (name: {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    openssh.authorizedKeys.keys = keys.${name} or [ ];
    hashedPasswordFile = config.sops.secrets."passwords/${name}".path;
  }) // {
    root.hashedPassword = "!";
  };

  sops = {
    defaultSopsFile = ./secrets/secrets.yaml;
    age.keyFile = "/var/lib/sops-nix/key.txt";
    secrets = builtins.listToAttrs (map (name: {
      name = "passwords/${name}";
      value.neededForUsers = true;
    }) admins);
  };

  security.sudo.wheelNeedsPassword = false;

  services.openssh = {
    enable = true;
    settings = {
      PasswordAuthentication = false;
      PermitRootLogin = "no";
    };
  };
}
