x: x ? a or b
