{
  description = "local dependency";
  outputs = { self }: { };
}
