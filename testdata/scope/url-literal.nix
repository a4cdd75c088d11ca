# scope: url-literal
http://example.org/a
