x: x ? or
