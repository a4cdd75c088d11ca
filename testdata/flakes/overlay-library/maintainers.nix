{
  jdoe = { name = "Jane Doe"; email = "jane@example.com"; github = "jdoe"; };
}
