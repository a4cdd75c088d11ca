x: f: [ x.a (f x) x.b or 1 ]
