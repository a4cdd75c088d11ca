{ lib, ... }:

{
  programs.starship = {
    enable = true;
    settings = {
      add_newline = false;
      format = lib.concatStrings [
        "$directory"
        "$git_branch"
        "$git_status"
        "$nix_shell"
        "$character"
      ];
      character = {
        success_symbol = "[➜](bold green)";
        error_symbol = "[✗](bold red)";
      };
      nix_shell = {
        symbol = "❄️ ";
        format = "via [$symbol$state( \\($name\\))]($style) ";
        impure_msg = "⚠ impure";
      };
      git_branch.symbol = " ";
      directory.substitutions = {
        "Documents" = "📄 ";
        "Downloads" = "📥 ";
        "~/src" = "🛠️ ";
      };
      # Escaped dollar signs: starship variables, not Nix interpolation.
      custom.direnv = {
        command = "echo \${DIRENV_DIR:+📂}";
        when = ''test -n "''${DIRENV_DIR:-}"'';
        format = "[$output]($style)";
      };
    };
  };
}
