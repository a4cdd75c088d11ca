a: !a.b or false
