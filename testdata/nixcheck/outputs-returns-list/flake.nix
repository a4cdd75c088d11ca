{
  description = "outputs returns a list";
  outputs = { self }: [ ];
}
