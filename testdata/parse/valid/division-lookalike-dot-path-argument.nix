# .a/2 lexes as a path, so this is an attrset applied to a path
{ a = 1; }.a/2
