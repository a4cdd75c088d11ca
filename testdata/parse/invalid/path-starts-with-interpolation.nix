x: ${x}/a
