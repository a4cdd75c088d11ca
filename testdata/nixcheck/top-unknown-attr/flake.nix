{
  description = "extra top-level attribute";
  foo = 1;
  outputs = { self }: { };
}
