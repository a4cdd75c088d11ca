{ lib, ... }:
{
  imports = [
    (lib.mkRenamedOptionModule [ "services" "sshd" "enable" ] [ "services" "openssh" "enable" ])
    (lib.mkAliasOptionModule [ "services" "sshd" "ports" ] [ "services" "openssh" "ports" ])
    (lib.mkRemovedOptionModule [ "services" "telnet" ] "telnet sends passwords in the clear; use services.openssh.")
  ];
}
