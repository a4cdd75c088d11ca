{
  nixConfig = rec {
    a = [ "x" ];
    b = a;
  };
  outputs = { self }: { };
}
