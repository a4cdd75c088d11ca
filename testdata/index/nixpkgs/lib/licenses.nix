{ lib }:
let
  mkLicense = name: attrs: attrs // { shortName = name; };
in
lib.mapAttrs mkLicense {
  mit = {
    spdxId = "MIT";
    fullName = "MIT License";
  };
  gpl3Only = {
    spdxId = "GPL-3.0-only";
    fullName = "GNU General Public License v3.0 only";
  };
  unfree = {
    fullName = "Unfree";
    free = false;
  };
}
