''
  price: 5$''
