{
  description = "merged top level";
} // {
  outputs = { self }: { };
}
