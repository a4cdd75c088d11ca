''
  not interpolated: ''${foo}
''
