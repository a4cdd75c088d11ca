x: x /* c */ .a
