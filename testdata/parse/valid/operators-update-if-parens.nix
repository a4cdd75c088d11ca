x: { } // (if x then { a = 1; } else { })
