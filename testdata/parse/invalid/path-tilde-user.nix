~root/a
