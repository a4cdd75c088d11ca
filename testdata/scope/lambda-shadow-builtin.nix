# scope: shadowed-builtin
throw: throw
