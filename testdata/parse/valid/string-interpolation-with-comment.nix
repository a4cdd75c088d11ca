x: "${ x /* comment */ }"
