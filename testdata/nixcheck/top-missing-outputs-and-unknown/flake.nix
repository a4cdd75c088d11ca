{
  description = "no outputs, plus an unknown name";
  foo = "bar";
}
