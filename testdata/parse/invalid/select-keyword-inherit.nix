x: x.a.inherit
