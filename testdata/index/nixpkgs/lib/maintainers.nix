/* The people who look after packages. */
{
  alice = {
    name = "Alice Example";
    github = "alice-example";
  };
  bob = {
    name = "Bob Example";
    github = "bob-example";
  };
  "carol-c" = {
    name = "Carol";
  };
}
