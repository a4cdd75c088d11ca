{
  description = "typo next to the real outputs";
  outputs = { self }: { };
  output = { self }: { };
}
