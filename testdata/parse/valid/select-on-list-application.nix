f: (f 1).a
