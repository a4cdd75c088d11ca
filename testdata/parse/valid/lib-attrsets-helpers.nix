{ lib }:

with builtins;

let
  inherit (lib) foldl' recursiveUpdate;
in
rec {
  # Deep merge a list of attribute sets, later ones win.
  mergeAll = foldl' recursiveUpdate { };

  # Keep only the attributes whose value satisfies `pred`.
  filterValues = pred: attrs:
    listToAttrs (concatMap (name:
      let value = attrs.${name}; in
      if pred value then [ { inherit name value; } ] else [ ]
    ) (attrNames attrs));

  # Rename attributes using a mapping { old = "new"; }.
  renameAttrs = mapping: attrs:
    listToAttrs (map (name: {
      name = mapping.${name} or name;
      value = attrs.${name};
    }) (attrNames attrs));

  # Get a nested attribute by a dotted string path: getPath "a.b.c" set
  getPath = path: set:
    foldl' (acc: key: if acc ? ${key} then acc.${key} else null) set (lib.splitString "." path);

  # Collect leaves into a flat set: { "a.b" = 1; }
  flatten = prefix: attrs:
    foldl' (acc: name:
      let
        value = attrs.${name};
        key = if prefix == "" then name else "${prefix}.${name}";
      in
      acc // (if isAttrs value && !(value ? type && value.type == "derivation")
        then flatten key value
        else { ${key} = value; })
    ) { } (attrNames attrs);

  hasAll = names: attrs: all (n: attrs ? ${n}) names;
}
