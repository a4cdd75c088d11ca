let 名前 = 1; in 名前
