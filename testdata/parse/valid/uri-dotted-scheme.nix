x.y:z
