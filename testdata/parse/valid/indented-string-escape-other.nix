''
  escaped x: ''\x and backslash ''\\
''
