[ https://a.org mirror://gnu/hello.tar.gz git+ssh://git@github.com:o/r.git ]
