# scope: undefined-variable unused-with
with x; 1
