# scope: url-literal
[ https://example.org/a.tar.gz ]
