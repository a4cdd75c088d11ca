rec {
  description = "a rec top level using only allowed attributes";
  outputs = { self }: { };
}
