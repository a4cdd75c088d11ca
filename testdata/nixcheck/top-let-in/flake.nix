let
  d = "a flake behind a let";
in
{
  description = d;
  outputs = { self }: { };
}
