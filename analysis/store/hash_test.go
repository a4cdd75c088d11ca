package store

import (
	"encoding/hex"
	"strings"
	"testing"
)

// base32Vectors were printed by Nix 2.8 itself:
//
//	nix --extra-experimental-features nix-command hash to-base32 --type ALGO HEX
//	nix --extra-experimental-features nix-command hash to-sri --type ALGO HEX
//
// with HEX the digests of "" and "abc" (md5sum, sha1sum, sha256sum,
// sha512sum) and a few bit patterns.
var base32Vectors = []struct {
	algo     Algo
	hex, b32 string
	sri      string // "" when not printed
	what     string
}{
	{MD5, "d41d8cd98f00b204e9800998ecf8427e", "3y8bwfr609h3lh9ch0izcqq7fl", "md5-1B2M2Y8AsgTpgAmY7PhCfg==", `md5("")`},
	{MD5, "900150983cd24fb0d6963f7d28e17f72", "3jgzhjhz9zjvbb0kyj7jc500ch", "md5-kAFQmDzST7DWlj99KOF/cg==", `md5("abc")`},
	{SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709", "143xibwh31h9bvxzalr0sjvbbvpa6ffs", "sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=", `sha1("")`},
	{SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d", "kpcd173cq987hw957sx6m0868wv3x6d9", "sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", `sha1("abc")`},
	{SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", `sha256("")`},
	{SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", `sha256("abc")`},
	{SHA512, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", "0zdl9zrg8r3i9c1g90lgg9ip5ijzv3yhz91i0zzn3r8ap9ws784gkp9dk9j3aglhgf1amqb0pj21mh7h1nxcl18akqvvf7ggqsy30yg", "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==", `sha512("")`},
	{SHA512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", "2gs8k559z4rlahfx0y688s49m2vvszylcikrfinm30ly9rak69236nkam5ydvly1ai7xac99vxfc4ii84hawjbk876blyk1jfhkbbyx", "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==", `sha512("abc")`},
	{SHA256, strings.Repeat("ff", 32), "1zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "", "all ones: the top digit holds one bit"},
	{SHA256, "01" + strings.Repeat("00", 31), "0000000000000000000000000000000000000000000000000001", "", "the first byte is the least significant"},
	{SHA256, strings.Repeat("00", 31) + "80", "1000000000000000000000000000000000000000000000000000", "", "the last byte's top bit is the first digit"},
	{SHA256, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "07qy3lf1n6hr30bic58l2c91240g1q6hq2qa1440f1h50h1h4080", "", "bytes 0 to 31"},
	{MD5, "000102030405060708090a0b0c0d0e0f", "0g1q6hq2qa1440f1h50h1h4080", "", "bytes 0 to 15"},
	{SHA1, "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedec", "xknyxvzhy7rg7x7myvvziygszgygvzpz", "", "bytes 255 down to 236"},
}

func TestBase32AgainstNixVectors(t *testing.T) {
	for _, v := range base32Vectors {
		d, err := hex.DecodeString(v.hex)
		if err != nil {
			t.Fatal(err)
		}
		if got := EncodeBase32(d); got != v.b32 {
			t.Errorf("%s: EncodeBase32 = %s, Nix says %s", v.what, got, v.b32)
		}
		back, err := DecodeBase32(v.b32, v.algo.Size())
		if err != nil || hex.EncodeToString(back) != v.hex {
			t.Errorf("%s: DecodeBase32(%s) = %x, %v; want %s", v.what, v.b32, back, err, v.hex)
		}
		h := Hash{Algo: v.algo, Digest: d}
		if v.sri != "" && h.SRI() != v.sri {
			t.Errorf("%s: SRI = %s, Nix says %s", v.what, h.SRI(), v.sri)
		}
		// Every notation parses back to the same hash.
		for _, s := range []string{h.SRI(), v.algo.String() + ":" + v.b32, v.algo.String() + ":" + v.hex, v.algo.String() + ":" + h.Base64()} {
			p, err := ParseHash(s)
			if err != nil || !p.Equal(h) {
				t.Errorf("%s: ParseHash(%s) = %v, %v", v.what, s, p, err)
			}
		}
	}
}

func TestBase32Lengths(t *testing.T) {
	for n, want := range map[int]int{16: 26, 20: 32, 32: 52, 64: 103} {
		if got := Base32Len(n); got != want {
			t.Errorf("Base32Len(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestBase32RoundTripAllSingleBits(t *testing.T) {
	for _, size := range []int{16, 20, 32, 64} {
		for bit := range 8 * size {
			d := make([]byte, size)
			d[bit/8] = 1 << (bit % 8)
			s := EncodeBase32(d)
			back, err := DecodeBase32(s, size)
			if err != nil || string(back) != string(d) {
				t.Fatalf("size %d bit %d: %s decodes to %x, %v", size, bit, s, back, err)
			}
		}
	}
}

func TestDecodeBase32Rejects(t *testing.T) {
	good := base32Vectors[4].b32 // sha256("")
	for _, tc := range []struct{ s, why string }{
		{good[:51], "too short"},
		{good + "0", "too long"},
		{"e" + good[1:], "e is not in Nix's alphabet"},
		{"u" + good[1:], "u is not in Nix's alphabet"},
		{"2" + good[1:], "the top digit of a 32-byte digest holds one bit"},
		{"Z" + good[1:], "upper case"},
	} {
		if _, err := DecodeBase32(tc.s, 32); err == nil {
			t.Errorf("DecodeBase32(%q) succeeded; %s", tc.s, tc.why)
		}
	}
}

func TestParseHashRejects(t *testing.T) {
	for _, s := range []string{
		"",
		"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", // no algorithm
		"sha257-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
		"sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF==", // wrong padding
		"sha256-2jmj7l5rSw0yVb/vlWAYkK/YBwk=",                 // a sha1 digest
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
	} {
		if h, err := ParseHash(s); err == nil {
			t.Errorf("ParseHash(%q) = %v, want an error", s, h)
		}
	}
	if _, err := ParseSRI("sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"); err == nil {
		t.Errorf("ParseSRI accepted a base-32 hash")
	}
	// Unpadded base-64 is read too.
	if h, err := ParseHash("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"); err != nil || h.Base32() != base32Vectors[4].b32 {
		t.Errorf("unpadded SRI: %v, %v", h, err)
	}
}
