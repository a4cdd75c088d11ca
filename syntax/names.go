package syntax

// PlainName reports whether s can be written as an attribute name or
// identifier without quotes: a letter or _ first, then letters, digits,
// _, ' and -.
func PlainName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '\'' || c == '-'):
		default:
			return false
		}
	}
	return true
}
