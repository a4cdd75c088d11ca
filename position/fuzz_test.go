package position

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRoundTrip maps every offset of any text to a position and back, in
// each encoding: an offset on a character boundary (not between the CR
// and LF of a line break) comes back unchanged, any offset comes back at
// or before itself and in order, and mapping an arbitrary position to an
// offset and back to a position and an offset again is stable.
func FuzzRoundTrip(f *testing.F) {
	files, _ := filepath.Glob("../testdata/features/*.txt")
	if len(files) == 0 {
		f.Fatal("no seed files")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, 3, 7)
	}
	f.Add([]byte("a\r\nb\rc\n\né😀日本\r\n\xff\xe2\x82x"), 4, 2)
	f.Add([]byte("\U0001F600\U0001F600\n"), 0, 1)
	f.Fuzz(func(t *testing.T, text []byte, line, char int) {
		m := NewMapper(text)
		breaks := 0
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' || text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
				breaks++
			}
		}
		if m.LineCount() != breaks+1 {
			t.Fatalf("%d lines for %d line breaks", m.LineCount(), breaks)
		}
		valid := utf8.Valid(text)
		for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
			bound := boundaries(text, enc)
			prev := 0
			for o := 0; o <= len(text); o++ {
				p := m.Position(o, enc)
				if p.Line < 0 || p.Line >= m.LineCount() || p.Character < 0 {
					t.Fatalf("enc %d: offset %d at %+v", enc, o, p)
				}
				back := m.Offset(p, enc)
				if bound[o] && back != o {
					t.Fatalf("enc %d: offset %d -> %+v -> %d", enc, o, p, back)
				}
				if back > o || back < prev {
					t.Fatalf("enc %d: offset %d -> %+v -> %d (previous offset came back at %d)", enc, o, p, back, prev)
				}
				prev = back
				if valid && bound[o] {
					for _, other := range []Encoding{UTF16, UTF8, UTF32} {
						if got := m.Offset(m.Position(o, other), other); got != o {
							t.Fatalf("offset %d: round trip in enc %d gives %d, in enc %d gives %d", o, enc, o, other, got)
						}
					}
				}
			}
			if got := m.Position(-5, enc); got != (Position{}) {
				t.Fatalf("enc %d: a negative offset at %+v", enc, got)
			}
			if got, want := m.Position(len(text)+5, enc), m.Position(len(text), enc); got != want {
				t.Fatalf("enc %d: past the end at %+v, the end at %+v", enc, got, want)
			}
			// Any position: clamped into the text, stable once mapped.
			o := m.Offset(Position{Line: line, Character: char}, enc)
			if o < 0 || o > len(text) {
				t.Fatalf("enc %d: position %d:%d at offset %d outside the text", enc, line, char, o)
			}
			p := m.Position(o, enc)
			if again := m.Offset(p, enc); again != o {
				t.Fatalf("enc %d: position %d:%d -> %d -> %+v -> %d", enc, line, char, o, p, again)
			}
			r := m.Range(o, len(text), enc)
			if r.Start != p || r.End != m.Position(len(text), enc) {
				t.Fatalf("enc %d: Range(%d, end) = %+v", enc, o, r)
			}
		}
	})
}

// boundaries marks the offsets that are character boundaries as the
// encoding's mapping reads the text: for UTF-8 any offset whose byte
// starts a character, for UTF-16 and UTF-32 the offsets of a decoding
// from the start of each line (an invalid byte is one character); in
// every encoding line starts and line ends, not the offset between CR
// and LF.
func boundaries(text []byte, enc Encoding) []bool {
	b := make([]bool, len(text)+1)
	b[len(text)] = true
	lineStart := true
	for i := 0; i < len(text); {
		if enc == UTF8 {
			b[i] = lineStart || utf8.RuneStart(text[i])
			lineStart = text[i] == '\n' || text[i] == '\r'
			i++
			continue
		}
		b[i] = true
		if text[i] == '\n' || text[i] == '\r' {
			i++
			continue
		}
		_, size := utf8.DecodeRune(text[i:])
		i += size
	}
	for i := 1; i < len(text); i++ {
		if text[i-1] == '\r' && text[i] == '\n' {
			b[i] = false
		}
	}
	return b
}
