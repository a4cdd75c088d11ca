final: prev: {
  hello = prev.hello.overrideAttrs (old: {
    doCheck = false;
  };
}
