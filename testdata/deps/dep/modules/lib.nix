{ lib }:
{
  dag.entryAfter = after: data: { inherit after data; };
}
