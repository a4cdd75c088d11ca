# scope: unused-let-binding
let "é" = "ключ ☃"; in 1
