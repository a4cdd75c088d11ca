x: x ? then
