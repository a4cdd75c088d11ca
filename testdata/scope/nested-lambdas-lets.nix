# scope: 
let
  mkThing = name: { inherit name; path = ./. + "/${name}"; };
  things = map mkThing [ "a" "b" ];
in
builtins.listToAttrs (map (t: { inherit (t) name; value = t; }) things)
