# scope: undefined-variable
(rec { a = 1; b = a; }).b + a
