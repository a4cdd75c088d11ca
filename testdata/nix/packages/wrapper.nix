{ lib
, symlinkJoin
, makeWrapper
, neovim-unwrapped
, extraPackages ? [ ]
, viAlias ? false
}:

symlinkJoin {
  name = "neovim-wrapped-${neovim-unwrapped.version}";
  paths = [ neovim-unwrapped ];
  nativeBuildInputs = [ makeWrapper ];
  postBuild = ''
    wrapProgram $out/bin/nvim \
      --prefix PATH : ${lib.makeBinPath extraPackages}
  '' + lib.optionalString viAlias ''
    ln -s $out/bin/nvim $out/bin/vi
  '';
  passthru.unwrapped = neovim-unwrapped;
  meta = neovim-unwrapped.meta // {
    description = "Neovim with extra packages on its PATH";
  };
}
