# ~/.config/nixpkgs/config.nix
{
  allowUnfree = true;
  allowBroken = false;
  permittedInsecurePackages = [ "openssl-1.1.1w" ];

  packageOverrides = pkgs: with pkgs; rec {
    myPackages = buildEnv {
      name = "my-packages";
      paths = [
        aspell
        aspellDicts.en
        bc
        coreutils
        ffmpeg
        myEmacs
      ];
      pathsToLink = [ "/share" "/bin" ];
      extraOutputsToInstall = [ "man" "doc" ];
    };

    myEmacs = emacsWithPackages (epkgs: (with epkgs.melpaPackages; [
      magit
      nix-mode
      use-package
    ]) ++ (with epkgs.elpaPackages; [
      company
    ]));
  };
}
