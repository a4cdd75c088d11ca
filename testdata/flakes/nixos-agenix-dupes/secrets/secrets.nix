let
  admin = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHm7jE3yWm0dzXsQK1T2Jc4ZbU0dBPQqJ8m1gH3xE0aF admin@laptop";
  matrix = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3rY0u1cX8m6dM2Qe7n3VgY1mKpD0s9tGJq4yP5wL2N root@matrix";
in
{
  "synapse-registration.age".publicKeys = [ admin matrix ];
}
