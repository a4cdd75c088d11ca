{ lib, ... }:
{
  options.misc.imported = lib.mkOption {
    type = lib.types.bool;
    default = false;
    description = "Read through import in the module list.";
  };
}
