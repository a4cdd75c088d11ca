{ lib }:

let
  inherit (builtins) attrNames listToAttrs hasAttr getAttr;
in
rec {
  mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);

  filterAttrs = pred: set:
    listToAttrs (lib.concatMap
      (name: let v = set.${name}; in if pred name v then [ { inherit name; value = v; } ] else [ ])
      (attrNames set));

  attrByPath = path: default: set:
    let
      attr = builtins.head path;
    in
    if path == [ ] then set
    else if hasAttr attr set then attrByPath (builtins.tail path) default (getAttr attr set)
    else default;

  genAttrs' = names: f: listToAttrs (map (n: { name = n; value = f n; }) names);

  recursiveUpdateUntil = pred: lhs: rhs:
    let f = attrPath:
      builtins.zipAttrsWith (n: values:
        let here = attrPath ++ [ n ]; in
        if builtins.length values == 1 || pred here (builtins.elemAt values 1) (builtins.head values)
        then builtins.head values
        else f here values);
    in f [ ] [ rhs lhs ];
}
