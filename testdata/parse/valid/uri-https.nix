https://example.org/foo.tar.gz
