{
  description = "lock with an extra input";
  outputs = { self }: { };
}
