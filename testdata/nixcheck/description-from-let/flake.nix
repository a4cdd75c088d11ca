{
  description = let d = "from a let"; in d;
  outputs = { self }: { };
}
