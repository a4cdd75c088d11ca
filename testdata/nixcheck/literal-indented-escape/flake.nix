{
  description = ''costs ''${price}'';
  outputs = { self }: { };
}
