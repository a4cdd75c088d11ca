{
  description = ''
    Tools for the build farm.
      Indented detail line, costs $5.
  '';
  outputs = { self }: { };
}
