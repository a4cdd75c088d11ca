rec {
  name = "helper";
  description = name;
  outputs = { self }: { };
}
