{ lib, ... }:
{
  options.news.display = lib.mkOption {
    type = lib.types.enum [ "silent" "notify" "show" ];
    default = "notify";
    description = "How unread and relevant news should be presented.";
  };
}
