"newline\n tab\t cr\r backslash\\ dollar\$ quote\" done"
