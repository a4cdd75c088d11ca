# scope: duplicate-attribute unused-let-binding
let "ключ" = 1; "ключ" = 2; in 3
