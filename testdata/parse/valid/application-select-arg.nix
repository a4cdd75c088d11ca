f: s: f s.a s.b
