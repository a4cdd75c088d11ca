// Package store computes, without running Nix, where a locked flake input
// lives in the Nix store: the NAR serialisation hash of a file-system tree,
// Nix's hash notations (SRI, Nix base-32, base-16, base-64), the store
// directory (NIX_STORE_DIR, a `store` setting), the fixed-output store path
// of a `source` tree, and, for a lock node, that path and whether it is
// present on disk.
//
// Nothing here fetches, builds or runs anything: the only file-system
// access is reading a tree to hash it and os.Stat on a store path.
package store

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// Algo is a hash algorithm Nix knows.
type Algo int

const (
	MD5 Algo = iota + 1
	SHA1
	SHA256
	SHA512
)

var algoNames = map[Algo]string{MD5: "md5", SHA1: "sha1", SHA256: "sha256", SHA512: "sha512"}

// String is the algorithm's name as Nix writes it ("sha256").
func (a Algo) String() string {
	if n, ok := algoNames[a]; ok {
		return n
	}
	return fmt.Sprintf("Algo(%d)", int(a))
}

// Size is the digest length in bytes, 0 for an unknown algorithm.
func (a Algo) Size() int {
	switch a {
	case MD5:
		return md5.Size
	case SHA1:
		return sha1.Size
	case SHA256:
		return sha256.Size
	case SHA512:
		return sha512.Size
	}
	return 0
}

// New returns a fresh hash.Hash for the algorithm.
func (a Algo) New() hash.Hash {
	switch a {
	case MD5:
		return md5.New()
	case SHA1:
		return sha1.New()
	case SHA512:
		return sha512.New()
	}
	return sha256.New()
}

// ParseAlgo reads an algorithm name ("sha256").
func ParseAlgo(s string) (Algo, error) {
	for a, n := range algoNames {
		if n == s {
			return a, nil
		}
	}
	return 0, fmt.Errorf("unknown hash algorithm '%s'", s)
}

// Hash is a digest with its algorithm.
type Hash struct {
	Algo   Algo
	Digest []byte
}

// Sum hashes data.
func Sum(a Algo, data []byte) Hash {
	h := a.New()
	h.Write(data)
	return Hash{Algo: a, Digest: h.Sum(nil)}
}

// Equal reports whether two hashes have the same algorithm and digest.
func (h Hash) Equal(o Hash) bool {
	return h.Algo == o.Algo && bytes.Equal(h.Digest, o.Digest)
}

// IsZero reports whether h holds no hash.
func (h Hash) IsZero() bool { return h.Algo == 0 && len(h.Digest) == 0 }

// SRI is the Subresource Integrity form flake.lock uses for narHash:
// "sha256-" and the padded standard base-64 of the digest.
func (h Hash) SRI() string { return h.Algo.String() + "-" + h.Base64() }

// Base16 is the digest in lower-case hexadecimal.
func (h Hash) Base16() string { return hex.EncodeToString(h.Digest) }

// Base32 is the digest in Nix's base-32 (see EncodeBase32).
func (h Hash) Base32() string { return EncodeBase32(h.Digest) }

// Base64 is the digest in padded standard base-64.
func (h Hash) Base64() string { return base64.StdEncoding.EncodeToString(h.Digest) }

// String is the SRI form.
func (h Hash) String() string { return h.SRI() }

// base32Alphabet is Nix's: the digits and lower-case letters without e, o,
// u and t.
const base32Alphabet = "0123456789abcdfghijklmnpqrsvwxyz"

// Base32Len is the length of the Nix base-32 form of n bytes: one
// character per five bits, rounded up.
func Base32Len(n int) int { return (8*n + 4) / 5 }

// EncodeBase32 writes b in Nix's base-32. Nix reads the bytes as one
// little-endian number (b[0] holds bits 0-7) and prints it in five-bit
// digits from the most significant end, so the first character carries
// the top bits of the last byte; the top digit is zero-padded when 8*len(b)
// is not a multiple of five. It is not RFC 4648 base-32: both the alphabet
// and the bit order differ.
func EncodeBase32(b []byte) string {
	n := Base32Len(len(b))
	out := make([]byte, n)
	for k := range n {
		bit := 5 * (n - 1 - k) // the lowest bit of this digit in the number
		i, j := bit/8, uint(bit%8)
		v := b[i] >> j
		if j > 3 && i+1 < len(b) {
			v |= b[i+1] << (8 - j)
		}
		out[k] = base32Alphabet[v&31]
	}
	return string(out)
}

// DecodeBase32 reads a Nix base-32 string of a size-byte digest. It
// rejects characters outside the alphabet, a wrong length, and a top digit
// with bits beyond the digest.
func DecodeBase32(s string, size int) ([]byte, error) {
	n := Base32Len(size)
	if len(s) != n {
		return nil, fmt.Errorf("base-32 digest of %d bytes has %d characters, not %d", size, n, len(s))
	}
	out := make([]byte, size)
	for k := range n {
		v := strings.IndexByte(base32Alphabet, s[k])
		if v < 0 {
			return nil, fmt.Errorf("invalid base-32 character %q", s[k])
		}
		bit := 5 * (n - 1 - k)
		i, j := bit/8, uint(bit%8)
		out[i] |= byte(v << j)
		if j > 3 {
			if rest := byte(v >> (8 - j)); i+1 < size {
				out[i+1] |= rest
			} else if rest != 0 {
				return nil, fmt.Errorf("base-32 digest %q has bits beyond its %d bytes", s, size)
			}
		}
	}
	return out, nil
}

// ParseHash reads a hash the ways Nix writes one with its algorithm:
// SRI ("sha256-<base64>"), or "<algo>:<digest>" with the digest in
// base-16, Nix base-32 or base-64 (told apart by length).
func ParseHash(s string) (Hash, error) {
	if i := strings.IndexByte(s, ':'); i >= 0 {
		a, err := ParseAlgo(s[:i])
		if err != nil {
			return Hash{}, fmt.Errorf("hash '%s': %v", s, err)
		}
		return ParseDigest(a, s[i+1:])
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		a, err := ParseAlgo(s[:i])
		if err != nil {
			return Hash{}, fmt.Errorf("hash '%s': %v", s, err)
		}
		d, err := decodeBase64(s[i+1:], a.Size())
		if err != nil {
			return Hash{}, fmt.Errorf("invalid SRI hash '%s': %v", s, err)
		}
		return Hash{Algo: a, Digest: d}, nil
	}
	return Hash{}, fmt.Errorf("hash '%s' does not name its algorithm (SRI 'sha256-...' or 'sha256:...')", s)
}

// ParseSRI reads an SRI hash only, as flake.lock's narHash must be.
func ParseSRI(s string) (Hash, error) {
	if strings.IndexByte(s, ':') >= 0 || strings.IndexByte(s, '-') < 0 {
		return Hash{}, fmt.Errorf("'%s' is not an SRI hash ('sha256-<base64>')", s)
	}
	return ParseHash(s)
}

// ParseDigest reads a digest of algorithm a in base-16, Nix base-32 or
// base-64, chosen by its length.
func ParseDigest(a Algo, s string) (Hash, error) {
	size := a.Size()
	if size == 0 {
		return Hash{}, fmt.Errorf("unknown hash algorithm %v", a)
	}
	var (
		d   []byte
		err error
	)
	switch len(s) {
	case 2 * size:
		d, err = hex.DecodeString(s)
	case Base32Len(size):
		d, err = DecodeBase32(s, size)
	case base64.StdEncoding.EncodedLen(size), base64.RawStdEncoding.EncodedLen(size):
		d, err = decodeBase64(s, size)
	default:
		err = fmt.Errorf("wrong length %d for a %v digest", len(s), a)
	}
	if err != nil {
		return Hash{}, fmt.Errorf("invalid %v hash '%s': %v", a, s, err)
	}
	return Hash{Algo: a, Digest: d}, nil
}

func decodeBase64(s string, size int) ([]byte, error) {
	enc := base64.StdEncoding
	if !strings.HasSuffix(s, "=") {
		enc = base64.RawStdEncoding
	}
	d, err := enc.Strict().DecodeString(s)
	if err != nil {
		return nil, err
	}
	if len(d) != size {
		return nil, fmt.Errorf("%d bytes where %d were expected", len(d), size)
	}
	return d, nil
}
