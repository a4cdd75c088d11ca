{
  description = "a flake without outputs";
  inputs = { };
}
