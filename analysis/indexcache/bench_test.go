package indexcache

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// optionsLike is a synthetic index close to a NixOS options index:
// 20,000 records of a path of 2–6 names, a type, a default, a ~300-byte
// description of English-like words, a file and two ints, about 9 MB of
// gob. The text is drawn from a vocabulary so that it compresses about as
// real documentation does, neither random bytes nor one repeated string.
func optionsLike(n int) *index {
	r := rand.New(rand.NewSource(1))
	words := strings.Fields(`the of to and a in is it you that he was for on are with as I his they be at one have
		this from or had by hot word but what some we can out other were all there when up use your how said an each
		she which do their time if will way about many then them write would like so these her long make thing see him
		two has look more day could go come did number sound no most people my over know water than call first who may
		down side been now find any new work part take get place made live where after back little only round man year
		service enable package port settings option whether default value configuration file path directory systemd
		user group listen address string list attribute set module nixos enabled boolean integer null submodule`)
	areas := []string{"services", "programs", "hardware", "boot", "networking", "security", "virtualisation", "systemd", "users", "environment"}
	types := []string{"boolean", "string", "signed integer", "16 bit unsigned integer; between 0 and 65535 (both inclusive)", "list of string",
		"attribute set of (submodule)", "null or string", "one of \"a\", \"b\", \"c\"", "package", "strings concatenated with \"\\n\"", "path"}
	x := &index{Source: "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-source"}
	for i := range n {
		name := words[r.Intn(len(words))] + "-" + words[r.Intn(len(words))]
		path := []string{areas[r.Intn(len(areas))], name}
		for range r.Intn(4) {
			path = append(path, words[r.Intn(len(words))])
		}
		var d strings.Builder
		for d.Len() < 250+r.Intn(100) {
			if d.Len() > 0 {
				d.WriteByte(' ')
			}
			d.WriteString(words[r.Intn(len(words))])
		}
		d.WriteByte('.')
		def := ""
		switch r.Intn(4) {
		case 0:
			def = "false"
		case 1:
			def = "\"" + words[r.Intn(len(words))] + "\""
		case 2:
			def = "{ }"
		}
		x.Records = append(x.Records, record{
			Path: path, Type: types[r.Intn(len(types))], Default: def, Description: d.String(),
			File: "nixos/modules/" + path[0] + "/" + name + "/default.nix", Line: 10 + i%500, Col: 5 + i%9,
		})
	}
	return x
}

const benchRecords = 20000

func benchCodecs() []struct {
	name string
	c    byte
} {
	return []struct {
		name string
		c    byte
	}{{"gob", codecGob}, {"gob+flate", codecGobFlate}}
}

func BenchmarkSave(b *testing.B) {
	x := optionsLike(benchRecords)
	for _, cd := range benchCodecs() {
		b.Run(cd.name, func(b *testing.B) {
			c := Cache{Dir: b.TempDir()}
			for b.Loop() {
				if err := c.save("options", x.Source, 1, x, cd.c); err != nil {
					b.Fatal(err)
				}
			}
			st, err := os.Stat(c.path("options", x.Source, 1))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(st.Size()), "file-bytes")
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	x := optionsLike(benchRecords)
	for _, cd := range benchCodecs() {
		b.Run(cd.name, func(b *testing.B) {
			c := Cache{Dir: b.TempDir()}
			if err := c.save("options", x.Source, 1, x, cd.c); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				var v index
				if !c.Load("options", x.Source, 1, &v) || len(v.Records) != benchRecords {
					b.Fatal("Load failed")
				}
			}
			st, _ := os.Stat(c.path("options", x.Source, 1))
			b.ReportMetric(float64(st.Size()), "file-bytes")
		})
	}
}

// TestLoadSpeed guards the purpose of the cache: a NixOS-sized options
// index loads in well under 100 ms (here: under 500 ms, to stay quiet on
// a loaded machine or under -race).
func TestLoadSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	x := optionsLike(benchRecords)
	c := Cache{Dir: t.TempDir()}
	if err := c.Save("options", x.Source, 1, x); err != nil {
		t.Fatal(err)
	}
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			var v index
			if !c.Load("options", x.Source, 1, &v) {
				b.Fatal("Load failed")
			}
		}
	})
	if d := res.NsPerOp(); d > 500e6 {
		t.Errorf("Load of %d records: %.0f ms", benchRecords, float64(d)/1e6)
	}
}
