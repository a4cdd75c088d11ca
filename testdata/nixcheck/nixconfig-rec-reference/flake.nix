{
  description = "nixConfig setting refers to another through rec";
  nixConfig = rec {
    a = [ "x" ];
    b = a;
  };
  outputs = { self }: { };
}
