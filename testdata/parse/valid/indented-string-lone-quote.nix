''
  it's a single ' quote
''
