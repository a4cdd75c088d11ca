svn+ssh://host/path/~user/%20x
