{
  description = "version ${"1"}";
  outputs = { self }: { };
}
