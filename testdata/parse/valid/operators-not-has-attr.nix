x: !x ? a
