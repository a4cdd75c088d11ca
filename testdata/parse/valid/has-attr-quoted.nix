x: x ? "a"
