{ lib, ... }:

let
  inherit (lib) mkRemovedOptionModule mkRenamedOptionModule mkAliasOptionModule mkRenamedOptionModuleWith mkChangedOptionModule mkMergedOptionModule;
  oldNginx = name: [ "services" "nginx" name ];
in
{
  imports = [
    (mkRenamedOptionModule [ "networking" "enableIPv6" ] [ "networking" "ipv6" "enable" ])
    (mkRenamedOptionModuleWith { sinceRelease = 2311; from = [ "services" "old" "x" ]; to = [ "services" "new" "x" ]; })
    (mkAliasOptionModule [ "environment" "checkConfigurationOptions" ] [ "_module" "check" ])
    (mkChangedOptionModule [ "services" "nginx" "stateDir" ] [ "services" "nginx" "dataDir" ] (config: config.services.nginx.stateDir))
    (mkMergedOptionModule [ [ "services" "a" "one" ] [ "services" "a" "two" ] ] [ "services" "a" "both" ] (config: null))
    (mkRenamedOptionModule (oldNginx "logFile") (oldNginx "logError"))
    (mkRemovedOptionModule [ "services" "fourStore" ] "The fourStore module has been removed")
    (mkRemovedOptionModule [ "programs" "way-cooler" ] ''
      way-cooler is abandoned by its author.
    '')
  ] ++ map (n: mkRemovedOptionModule [ "services" n ] "gone") [ "beegfs" "beegfsEnable" ];
}
