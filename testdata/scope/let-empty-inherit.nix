# scope: empty-inherit
let inherit; in 1
