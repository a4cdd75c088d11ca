package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchTree builds a source tree of about the shape of a mid-sized
// repository: 3,000 files in 150 directories (three levels), most of them
// a few KB, one in fifty executable, one in a hundred a 64 KB file, plus a
// symbolic link per directory. It returns the root and the bytes of file
// contents.
func benchTree(b *testing.B) (string, int64) {
	b.Helper()
	root := b.TempDir()
	var total int64
	block := make([]byte, 64*1024)
	for i := range block {
		block[i] = byte(i*7 + i>>8)
	}
	for d := range 150 {
		dir := filepath.Join(root, fmt.Sprintf("pkg%02d", d/10), fmt.Sprintf("mod%d", d%10))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := range 20 {
			i := d*20 + f
			size := 200 + (i*977)%6000
			if i%100 == 0 {
				size = len(block)
			}
			mode := os.FileMode(0o644)
			if i%50 == 1 {
				mode = 0o755
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("file%02d.nix", f)), block[:size], mode); err != nil {
				b.Fatal(err)
			}
			total += int64(size)
		}
		if err := os.Symlink("file00.nix", filepath.Join(dir, "default.nix")); err != nil {
			b.Fatal(err)
		}
	}
	return root, total
}

// BenchmarkHashPath3000Files also reports the processor time per hash
// (user and system, from getrusage where there is one), which other load on
// the machine inflates less than the wall-clock ns/op.
func BenchmarkHashPath3000Files(b *testing.B) {
	root, total := benchTree(b)
	b.SetBytes(total)
	b.ResetTimer()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := HashPath(root); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func BenchmarkSourcePath(b *testing.B) {
	h := Sum(SHA256, []byte("x"))
	st := Store{Dir: DefaultDir}
	for b.Loop() {
		if _, err := st.SourcePath(h); err != nil {
			b.Fatal(err)
		}
	}
}
