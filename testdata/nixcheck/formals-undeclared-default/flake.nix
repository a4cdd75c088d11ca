{
  description = "formal with a default";
  outputs = { self, foo ? null }: { };
}
