{
  description = 42;
  outputs = { self }: { };
}
