{
  description = "lock that is not JSON";
  outputs = { self }: { };
}
