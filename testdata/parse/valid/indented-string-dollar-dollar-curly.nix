''
  $${literal}
''
