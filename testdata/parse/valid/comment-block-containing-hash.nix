/* # not line */ 1
