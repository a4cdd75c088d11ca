x: x.rec
