{
  description = "override for a missing nested input";
  inputs.other.url = "path:./other";
  inputs.dep.url = "path:./dep";
  inputs.dep.inputs.nothere.follows = "other";
  outputs = { self, dep, other }: { };
}
