# scope: shadowed-builtin
{ import }: import
