''
  escaped newline: ''\n and tab ''\t and cr ''\r
''
