{ lib }:

{
  isSupported = system:
    lib.hasSuffix "-linux" system &&
}
