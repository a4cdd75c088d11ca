''
  abc '''
