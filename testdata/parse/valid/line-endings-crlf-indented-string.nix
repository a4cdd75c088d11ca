''
  hello
  world
''
