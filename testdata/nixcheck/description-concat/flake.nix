{
  description = "a" + "b";
  outputs = { self }: { };
}
