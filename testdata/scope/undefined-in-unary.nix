# scope: undefined-variable
!x
