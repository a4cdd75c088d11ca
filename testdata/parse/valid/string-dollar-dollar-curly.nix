"$${not interpolated}"
