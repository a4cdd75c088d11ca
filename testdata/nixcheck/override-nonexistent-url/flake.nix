{
  description = "url override for a missing nested input";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.nothere.url = "path:./other";
  outputs = { self, dep }: { };
}
