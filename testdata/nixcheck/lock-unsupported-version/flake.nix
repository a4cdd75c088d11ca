{
  description = "lock with an unsupported version";
  outputs = { self }: { };
}
