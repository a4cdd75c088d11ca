# scope: undefined-variable
# ☃ — ключ
let a = "über"; in a + b
