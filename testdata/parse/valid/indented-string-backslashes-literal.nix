''
  C:\path\to\file \n stays
''
