package position

import (
	"bytes"
	"math/rand"
	"reflect"
	"testing"
)

func TestPositionsUTF16(t *testing.T) {
	text := []byte("a = \"é🙂漢\";\r\nb\rc\n")
	m := NewMapper(text)
	if m.LineCount() != 4 {
		t.Fatalf("lines: %d", m.LineCount())
	}
	cases := []struct {
		offset int
		enc    Encoding
		want   Position
	}{
		{0, UTF16, Position{0, 0}},
		{5, UTF16, Position{0, 5}},  // before é
		{7, UTF16, Position{0, 6}},  // after é (2 bytes, 1 unit)
		{11, UTF16, Position{0, 8}}, // after 🙂 (4 bytes, 2 units)
		{14, UTF16, Position{0, 9}}, // after 漢 (3 bytes, 1 unit)
		{11, UTF32, Position{0, 7}},
		{11, UTF8, Position{0, 11}},
		{9, UTF16, Position{0, 6}}, // inside 🙂: its start
		{18, UTF16, Position{1, 0}},
		{19, UTF16, Position{1, 1}},
		{20, UTF16, Position{2, 0}}, // after a lone CR
		{22, UTF16, Position{3, 0}},
		{99, UTF16, Position{3, 0}},
	}
	for _, c := range cases {
		if got := m.Position(c.offset, c.enc); got != c.want {
			t.Errorf("Position(%d, %d) = %v, want %v", c.offset, c.enc, got, c.want)
		}
	}
}

func TestOffsetRoundTrip(t *testing.T) {
	text := []byte("x: \"🙂é\" # 漢字\r\n  y\n\rz")
	m := NewMapper(text)
	for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
		for o := 0; o <= len(text); o++ {
			p := m.Position(o, enc)
			back := m.Offset(p, enc)
			if back > o {
				t.Fatalf("enc %d: offset %d -> %v -> %d", enc, o, p, back)
			}
			if m.Position(back, enc) != p {
				t.Fatalf("enc %d: offset %d -> %v -> %d -> %v", enc, o, p, back, m.Position(back, enc))
			}
		}
	}
	// Past the end of a line: the line's end, before the break.
	if got := m.Offset(Position{0, 100}, UTF16); got != 20 {
		t.Errorf("past end of line: %d", got)
	}
	// Inside a surrogate pair: the character's start.
	if got := m.Offset(Position{0, 5}, UTF16); got != 4 {
		t.Errorf("inside surrogate pair: %d", got)
	}
	if got := m.Offset(Position{9, 0}, UTF16); got != len(text) {
		t.Errorf("past last line: %d", got)
	}
}

// TestMapperLines compares the line starts and the ASCII flag with a
// character-at-a-time reference, on random texts of LF, CR, CRLF, ASCII
// and multi-byte characters, of lengths around the 8-byte steps.
func TestMapperLines(t *testing.T) {
	reference := func(text []byte) ([]int, bool) {
		starts, ascii := []int{0}, true
		for i := 0; i < len(text); i++ {
			switch c := text[i]; {
			case c == '\n':
				starts = append(starts, i+1)
			case c == '\r':
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				starts = append(starts, i+1)
			case c >= 0x80:
				ascii = false
			}
		}
		return starts, ascii
	}
	r := rand.New(rand.NewSource(1))
	pieces := []string{"a", "bc", "\n", "\r", "\r\n", "é", "😀", " ", "\n\n"}
	for n := 0; n < 2000; n++ {
		var b []byte
		for k := r.Intn(40); k > 0; k-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		m := NewMapper(b)
		starts, ascii := reference(b)
		if !reflect.DeepEqual(m.lineStarts, starts) || m.ascii != ascii {
			t.Fatalf("%q: line starts %v ascii %v, want %v %v", b, m.lineStarts, m.ascii, starts, ascii)
		}
	}
}

// TestEdited makes random edits (line breaks of every kind, non-ASCII
// text, deletions across lines) and compares Edited with a new Mapper.
func TestEdited(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"", "a", "xyz", "\n", "\n\n", "é", "😀\n", "\r", "\r\n", "ab\ncd", "中文"}
	for _, text := range []string{
		"{\n  a = 1;\n  b = \"é😀\";\n}\n",
		"let\r\n  x = 1;\r\nin x\r\n",
		"",
		"one line",
		"\n\n\n",
	} {
		cur := []byte(text)
		m := NewMapper(cur)
		for step := 0; step < 500; step++ {
			start := rng.Intn(len(cur) + 1)
			end := start + rng.Intn(len(cur)-start+1)
			if rng.Intn(2) == 0 {
				end = start + min(len(cur)-start, rng.Intn(3))
			}
			ins := []byte(pieces[rng.Intn(len(pieces))])
			if rng.Intn(20) == 0 && bytes.IndexByte(cur, '\r') >= 0 {
				ins = nil // keep some texts free of CR after a while
			}
			next := append(append(append([]byte{}, cur[:start]...), ins...), cur[end:]...)
			got, want := m.Edited(next, start, end, start+len(ins)), NewMapper(next)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q -> %q (edit %d-%d by %q): edited %v ascii %v, new %v ascii %v", cur, next, start, end, ins, got.lineStarts, got.ascii, want.lineStarts, want.ascii)
			}
			cur, m = next, got
		}
	}
}
