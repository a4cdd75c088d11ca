{ mkDerivation, aeson, base, bytestring, containers, hspec, lib, text }:
mkDerivation {
  pname = "example-haskell";
  version = "0.3.1.0";
  src = ./.;
  isLibrary = true;
  isExecutable = true;
  libraryHaskellDepends = [ aeson base bytestring containers text ];
  executableHaskellDepends = [ base ];
  testHaskellDepends = [ base hspec ];
  license = lib.licenses.bsd3;
  mainProgram = "example";
}
