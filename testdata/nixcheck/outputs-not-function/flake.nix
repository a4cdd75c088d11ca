{
  description = "outputs is a set";
  outputs = { x = 1; };
}
