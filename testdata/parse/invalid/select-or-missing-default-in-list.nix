x: [ x.a or ]
