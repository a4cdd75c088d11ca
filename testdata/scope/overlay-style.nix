# scope: 
final: prev: { hello = prev.hello.overrideAttrs (old: { doCheck = !old.doCheck; }); tool = final.callPackage ./tool.nix { }; }
