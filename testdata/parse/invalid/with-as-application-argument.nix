f: x: f with x; 1
