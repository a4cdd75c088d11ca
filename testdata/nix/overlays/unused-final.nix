# An overlay that only needs prev.
final: prev: {
  curl = prev.curl.override { http3Support = true; };
  git = prev.git.overrideAttrs { doInstallCheck = false; };
}
