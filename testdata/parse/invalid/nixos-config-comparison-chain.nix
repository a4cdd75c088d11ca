{ config, lib, ... }:

{
  # "between 1 and 10" written the mathematical way
  assertions = [
    {
      assertion = 1 <= config.services.foo.workers <= 10;
      message = "workers must be between 1 and 10";
    }
  ];
}
