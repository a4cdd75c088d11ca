{
  description = "indented strings as url and follows";
  inputs.t1.url = ''path:./t1'';
  inputs.dep.url = ''path:./dep'';
  inputs.dep.inputs.sub.follows = ''t1'';
  outputs = { self, dep, t1 }: { };
}
