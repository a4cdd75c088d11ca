# Terraform configuration written with terranix.
{ config, lib, ... }:

let
  region = "eu-central-1";
  servers = {
    web = { type = "t3.small"; count = 2; };
    worker = { type = "t3.medium"; count = 1; };
  };
in
{
  provider.aws = {
    inherit region;
    default_tags.tags = {
      ManagedBy = "terranix";
      Environment = "staging";
    };
  };

  resource.aws_instance = lib.mapAttrs (name: s: {
    ami = "\${data.aws_ami.nixos.id}";
    instance_type = s.type;
    count = s.count;
    tags.Name = "${name}-\${count.index}";
  }) servers;

  data.aws_ami.nixos = {
    most_recent = true;
    owners = [ "427812963091" ];
    filter = [
      { name = "name"; values = [ "nixos/24.05*" ]; }
      { name = "architecture"; values = [ "x86_64" ]; }
    ];
  };

  output = lib.mapAttrs' (name: _: lib.nameValuePair "${name}_ips" {
    value = "\${aws_instance.${name}[*].public_ip}";
  }) servers;
}
