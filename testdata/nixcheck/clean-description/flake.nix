{
  description = "a flake with a description and nothing else";
  outputs = { self }: { };
}
