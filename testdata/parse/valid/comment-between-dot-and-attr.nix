x: x. /* c */ a
