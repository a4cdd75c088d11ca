{
  description = "outputs = { }: ...";
  outputs = { }: { };
}
