{
  description = "path input with ?dir= selecting a subdirectory";
  inputs.dep.url = "path:./repo?dir=nested";
  outputs = { self, dep }: { };
}
