{
  description = "ref on a path URL";
  inputs.a.url = "path:./dep?ref=main";
  outputs = { self, a }: { };
}
