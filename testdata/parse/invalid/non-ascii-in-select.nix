x: x.é
