# scope: shadowed-builtin
{ true }: true
