{
  description = "a multi-line indented string keeps its last line break";
  inputs.dep.url = ''
    path:./dep
  '';
  outputs = { self, dep }: { };
}
