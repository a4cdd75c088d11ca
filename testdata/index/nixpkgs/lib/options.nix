/**
  Declaring options.
*/
{ lib }:
{
  /**
    Declares an option.

    # Inputs

    Structured function argument
    : `default`, `type`, `description` and the other attributes of an option.
  */
  mkOption =
    {
      default ? null,
      type ? null,
      description ? null,
      ...
    }@attrs:
    attrs // { _type = "option"; };

  /**
    Declares a boolean option that enables `name`.

    # Type

    ```
    mkEnableOption :: String -> Option
    ```
  */
  mkEnableOption = name: { _type = "option"; default = false; description = "Whether to enable ${name}."; };
}
