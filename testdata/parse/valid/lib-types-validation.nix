# Tiny schema validation helpers.
{ lib }:

let
  inherit (builtins) typeOf isAttrs isList all attrNames hasAttr;

  check = name: pred: { inherit name pred; };

  types = {
    int = check "int" builtins.isInt;
    str = check "string" builtins.isString;
    bool = check "bool" builtins.isBool;
    any = check "any" (_: true);
    listOf = t: check "list of ${t.name}" (v: isList v && all t.pred v);
    attrsOf = t: check "attrs of ${t.name}" (v: isAttrs v && all (n: t.pred v.${n}) (attrNames v));
    nullOr = t: check "null or ${t.name}" (v: v == null || t.pred v);
    enum = values: check "one of ${lib.concatMapStringsSep ", " builtins.toJSON values}" (v: builtins.elem v values);
  };

  validate = schema: value:
    let
      errors = lib.concatMap (field:
        let t = schema.${field}; in
        if !(hasAttr field value) then [ "missing field `${field}`" ]
        else if !(t.pred value.${field}) then [ "field `${field}` should be ${t.name}, got ${typeOf value.${field}}" ]
        else [ ]
      ) (attrNames schema);
    in
    if errors == [ ] then value
    else throw "validation failed:\n  ${lib.concatStringsSep "\n  " errors}";
in
{
  inherit types validate;

  example = validate {
    name = types.str;
    port = types.int;
    tags = types.listOf types.str;
    mode = types.enum [ "dev" "prod" ];
  } {
    name = "svc";
    port = 8080;
    tags = [ "a" "b" ];
    mode = "dev";
  };
}
