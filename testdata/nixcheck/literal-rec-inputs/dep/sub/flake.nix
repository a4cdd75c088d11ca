{
  description = "input of the local dependency";
  outputs = { self }: { };
}
