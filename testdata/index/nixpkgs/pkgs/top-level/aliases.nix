lib: self: super:

let
  removedAlias = name: throw "'${name}' has been removed";
in
mapAliases {
  hello-old = hello; # Added 2024-01-01
  fooOld = throw "'fooOld' has been renamed to/replaced by 'foo'"; # Converted to throw 2024-06-01
  gone = removedAlias "gone";
  foo = throw "this never shadows the real foo";
}
