f: or f
