{
  description = "list element refers to a string setting through rec";
  nixConfig = rec {
    k = "x";
    b = [ k ];
  };
  outputs = { self }: { };
}
