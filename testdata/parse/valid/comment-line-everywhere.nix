# leading
{ # after brace
  a # before eq
  = # after eq
  1 # before semi
  ; # after semi
  # own line
} # trailing
# final
