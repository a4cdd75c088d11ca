f: x: f ${x}
