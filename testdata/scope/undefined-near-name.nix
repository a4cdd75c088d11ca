# scope: undefined-variable unused-formal
{ stdenv }: stdnev
