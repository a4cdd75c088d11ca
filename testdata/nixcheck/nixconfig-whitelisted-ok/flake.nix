{
  description = "nixConfig bash prompt";
  nixConfig = {
    bash-prompt = "[dev]$ ";
    bash-prompt-suffix = "> ";
  };
  outputs = { self }: { };
}
