# scope: 
[ true false null builtins map toString import abort throw baseNameOf dirOf isNull removeAttrs derivation derivationStrict placeholder scopedImport fetchTarball fetchGit fetchMercurial fromTOML fetchTree ]
