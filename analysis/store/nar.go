package store

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// The NAR (Nix ARchive) format, as the Nix manual and Dolstra's thesis
// describe it: a sequence of strings, each written as its length (a 64-bit
// little-endian integer), its bytes, and zero bytes up to a multiple of
// eight. After the magic "nix-archive-1" comes one node:
//
//	node      = "(" "type" ( regular | symlink | directory ) ")"
//	regular   = "regular" [ "executable" "" ] "contents" <file contents>
//	symlink   = "symlink" "target" <target>
//	directory = "directory" { "entry" "(" "name" <name> "node" node ")" }
//
// Directory entries come sorted by name, comparing bytes. A regular file is
// executable when its owner may execute it; no other metadata (times,
// owners, other permission bits) is recorded.

// WriteNAR writes the NAR serialisation of the file, directory or symbolic
// link at path (not followed) to w. Other kinds of files (sockets, devices,
// pipes) are an error, as in Nix.
func WriteNAR(w io.Writer, path string) error {
	nw := &narWriter{w: w, buf: make([]byte, 0, 4096), copyBuf: make([]byte, 64*1024)}
	nw.str("nix-archive-1")
	if err := nw.node(path, ^fs.FileMode(0)); err != nil {
		return err
	}
	return nw.flush()
}

// HashPath returns the SHA-256 of the NAR serialisation of path, the hash
// `nix hash path` prints and flake.lock records as narHash.
func HashPath(path string) (Hash, error) {
	h := sha256.New()
	if err := WriteNAR(h, path); err != nil {
		return Hash{}, err
	}
	return Hash{Algo: SHA256, Digest: h.Sum(nil)}, nil
}

// narWriter buffers the small strings of the framing and streams file
// contents through a reusable buffer.
type narWriter struct {
	w       io.Writer
	buf     []byte
	copyBuf []byte
	err     error
}

var zeros [8]byte

func (nw *narWriter) flush() error {
	if nw.err == nil && len(nw.buf) > 0 {
		_, nw.err = nw.w.Write(nw.buf)
	}
	nw.buf = nw.buf[:0]
	return nw.err
}

// length writes a string's length prefix.
func (nw *narWriter) length(n uint64) {
	nw.buf = binary.LittleEndian.AppendUint64(nw.buf, n)
}

// pad writes the zero bytes after a string of n bytes.
func (nw *narWriter) pad(n uint64) {
	if r := n % 8; r != 0 {
		nw.buf = append(nw.buf, zeros[:8-r]...)
	}
}

func (nw *narWriter) str(s string) {
	nw.length(uint64(len(s)))
	nw.buf = append(nw.buf, s...)
	nw.pad(uint64(len(s)))
	if len(nw.buf) >= 4096 {
		nw.flush()
	}
}

// node writes the node at path. typ is its type as the directory listing
// gave it, or ^fs.FileMode(0) when unknown (the top of the tree), and
// then Lstat finds it.
func (nw *narWriter) node(path string, typ fs.FileMode) error {
	if typ == ^fs.FileMode(0) {
		fi, err := os.Lstat(path)
		if err != nil {
			return err
		}
		typ = fi.Mode().Type()
	}
	nw.str("(")
	nw.str("type")
	switch {
	case typ == 0: // a regular file
		if err := nw.regular(path); err != nil {
			return err
		}
	case typ&fs.ModeSymlink != 0:
		target, err := os.Readlink(path)
		if err != nil {
			return err
		}
		nw.str("symlink")
		nw.str("target")
		nw.str(target)
	case typ.IsDir():
		nw.str("directory")
		entries, err := os.ReadDir(path) // sorted by name, comparing bytes
		if err != nil {
			return err
		}
		for _, e := range entries {
			nw.str("entry")
			nw.str("(")
			nw.str("name")
			nw.str(e.Name())
			nw.str("node")
			if err := nw.node(filepath.Join(path, e.Name()), e.Type()); err != nil {
				return err
			}
			nw.str(")")
		}
	default:
		return fmt.Errorf("file '%s' has an unsupported type (%v)", path, typ)
	}
	nw.str(")")
	return nw.err
}
