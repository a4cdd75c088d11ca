''
  echo "hello" "${"nested"}"
''
