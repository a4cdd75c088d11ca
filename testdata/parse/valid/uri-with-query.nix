http://x.org/a?b=c&d=e
