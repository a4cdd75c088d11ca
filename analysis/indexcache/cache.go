// Package indexcache keeps indexes built from immutable sources (NixOS
// options, nixpkgs lib, package names, built from trees in the Nix store)
// in a directory of encoded files keyed by the source's store path, and
// builds them in the background (Manager), loading them from that cache
// when it can. It knows nothing of editors: a build's progress is reported
// as Events that a server may turn into its own protocol's messages.
//
// The package reads and writes only under Cache.Dir; it runs no program
// and reaches no network.
package indexcache

import (
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Cache is a directory of encoded indexes. The zero Cache (Dir "") caches
// nothing: Load reports false, Save and Prune do nothing.
//
// An entry is one file, <Dir>/<kind>/<sha256(key)>-v<version>.idx, so two
// versions of the program (two index versions) can share a directory
// without overwriting each other's entries; Prune removes what neither
// uses any more. Writers in several processes are safe: a file appears
// whole (temporary file, then rename) or not at all.
type Cache struct{ Dir string }

// MaxEntrySize bounds an entry: Save writes nothing larger (it returns
// ErrTooLarge) and Load reads nothing larger.
const MaxEntrySize = 256 << 20

// ErrTooLarge is returned by Save for a value whose encoding exceeds
// MaxEntrySize.
var ErrTooLarge = errors.New("indexcache: entry over the size limit")

// entryLimit is MaxEntrySize, lowered by tests.
var entryLimit int64 = MaxEntrySize

// Default is <os.UserCacheDir()>/flake-lsp/index ($XDG_CACHE_HOME/… or
// ~/.cache/… on Linux, ~/Library/Caches/… on macOS), or a Cache with Dir ""
// when there is no cache directory (no HOME).
func Default() Cache {
	d, err := os.UserCacheDir()
	if err != nil || d == "" || !filepath.IsAbs(d) {
		return Cache{}
	}
	return Cache{Dir: filepath.Join(d, "flake-lsp", "index")}
}

// The file format. Everything is little-endian.
//
//	magic    "flkidx\x00" + formatVersion (8 bytes)
//	codec    1 byte (codecGob, codecGobFlate)
//	version  int64, the caller's index version
//	kind     uvarint length + bytes
//	key      uvarint length + bytes (the whole key: a hash collision or a
//	         renamed file is noticed)
//	payload  the gob encoding of the value, compressed per codec
//	trailer  uint64 payload length, uint32 CRC-32C of all that
//	         precedes, "end\x00" (a truncated file lacks it)
//
// The payload's length and checksum are in a trailer so that Save can
// stream the encoding to the file without holding it in memory.
const (
	magic         = "flkidx\x00\x01"
	trailerMagic  = "end\x00"
	trailerSize   = 8 + 4 + 4
	fileSuffix    = ".idx"
	tempPrefix    = ".tmp-"
	codecGob      = 0
	codecGobFlate = 1
)

// codec is what Save writes. Load reads both.
//
// Plain gob, from BenchmarkSave and BenchmarkLoad (bench_test.go: 20,000
// options-like records with ~300-byte descriptions; 2 cores at 2.8 GHz):
//
//	          file     Load    Save
//	gob       7.8 MB   22 ms   37 ms
//	gob+flate 2.8 MB   83 ms  115 ms   (flate.BestSpeed)
//
// Compression saves 5 MB of disk per index but triples the load, which is
// what the user waits for at every start of the server, and brings it
// near the 100 ms budget; decompression (~130 MB/s) is slower than gob's
// decoding. Real documentation is less repetitive than the benchmark's
// words, so it would compress less. Disk is the cheaper resource: an
// index is one file per nixpkgs revision, and Prune drops old ones.
const codec = codecGob

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// path is the file of an entry.
func (c Cache) path(kind, key string, version int) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(c.Dir, kindDir(kind), hex.EncodeToString(sum[:20])+"-v"+strconv.Itoa(version)+fileSuffix)
}

// kindDir is the directory name for a kind: the kind itself when it is a
// plain name, otherwise a hash of it (no separators, no "..").
func kindDir(kind string) string {
	ok := kind != "" && len(kind) <= 64 && kind[0] != '.'
	for i := 0; ok && i < len(kind); i++ {
		b := kind[i]
		ok = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '.'
	}
	if ok {
		return kind
	}
	sum := sha256.Sum256([]byte(kind))
	return "k-" + hex.EncodeToString(sum[:10])
}

// Load decodes into v (a pointer) the entry for (kind, key, version). It
// reports false when there is none, or it is of another version, kind,
// key or file format, or it is truncated or corrupt, or it does not decode
// into v; never an error. A file that is corrupt, truncated or does not
// decode is removed (Save will write it again). A successful Load sets the
// file's modification time to now, for Prune.
//
// v should point to a zero value: when Load reports false, v may have been
// partly filled.
func (c Cache) Load(kind, key string, version int, v any) bool {
	if c.Dir == "" {
		return false
	}
	p := c.path(kind, key, version)
	data, ok := readBounded(p)
	if !ok {
		return false
	}
	payload, cdc, status := parse(data, kind, key, version)
	switch status {
	case parseOther:
		return false
	case parseCorrupt:
		os.Remove(p)
		return false
	}
	if err := decode(payload, cdc, v); err != nil {
		os.Remove(p)
		return false
	}
	now := time.Now()
	os.Chtimes(p, now, now)
	return true
}

// readBounded reads the file at p, at most MaxEntrySize plus the header's
// worth; false when it is absent, not a regular file, or larger.
func readBounded(p string) ([]byte, bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > entryLimit {
		return nil, false
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	return data, true
}

type parseStatus uint8

const (
	parseOK      parseStatus = iota
	parseOther               // a whole entry, not the one asked for
	parseCorrupt             // not a whole entry of this format
)

// parse checks a file's header and trailer against what is asked for and
// returns its payload and codec.
func parse(data []byte, kind, key string, version int) ([]byte, byte, parseStatus) {
	if len(data) < len(magic) || string(data[:len(magic)-1]) != magic[:len(magic)-1] {
		return nil, 0, parseCorrupt
	}
	if data[len(magic)-1] != magic[len(magic)-1] {
		// Another format version of this cache: leave it to the program
		// that wrote it (Prune removes it when unused).
		return nil, 0, parseOther
	}
	rest := data[len(magic):]
	if len(rest) < 1+8+trailerSize {
		return nil, 0, parseCorrupt
	}
	cdc := rest[0]
	ver := int64(binary.LittleEndian.Uint64(rest[1:9]))
	rest = rest[9:]
	var fields [2][]byte
	for i := range fields {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return nil, 0, parseCorrupt
		}
		fields[i] = rest[w : w+int(n)]
		rest = rest[w+int(n):]
	}
	if len(rest) < trailerSize {
		return nil, 0, parseCorrupt
	}
	tr := rest[len(rest)-trailerSize:]
	payload := rest[:len(rest)-trailerSize]
	if string(tr[12:]) != trailerMagic || binary.LittleEndian.Uint64(tr[:8]) != uint64(len(payload)) ||
		binary.LittleEndian.Uint32(tr[8:12]) != crc32.Checksum(data[:len(data)-trailerSize], crcTable) {
		return nil, 0, parseCorrupt
	}
	if cdc != codecGob && cdc != codecGobFlate {
		return nil, 0, parseCorrupt
	}
	if ver != int64(version) || string(fields[0]) != kind || string(fields[1]) != key {
		return nil, 0, parseOther
	}
	return payload, cdc, parseOK
}

// decode decodes a payload into v, turning a panic of the decoder (a
// payload that passed the checksum but was written for another type) into
// an error.
func decode(payload []byte, cdc byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("indexcache: decoding: %v", r)
		}
	}()
	br := bytes.NewReader(payload)
	var r io.Reader = br // an io.ByteReader: gob reads it without buffering
	if cdc == codecGobFlate {
		fr := flate.NewReader(br)
		defer fr.Close()
		r = bufio.NewReaderSize(fr, 64<<10)
	}
	if err := gob.NewDecoder(r).Decode(v); err != nil {
		return err
	}
	// The whole payload must have been the value.
	if n, _ := io.Copy(io.Discard, r); n != 0 {
		return errors.New("indexcache: trailing data")
	}
	return nil
}

// Save encodes v (gob; see codec) into the entry for (kind, key, version),
// replacing any. The file is written to a temporary file in the same
// directory and renamed into place, so a reader sees the old entry, the
// new one, or none, never a part. Directories are made 0700, files 0600.
// An encoding over MaxEntrySize is not written (ErrTooLarge). The zero
// Cache saves nothing and returns nil.
func (c Cache) Save(kind, key string, version int, v any) error {
	return c.save(kind, key, version, v, codec)
}

func (c Cache) save(kind, key string, version int, v any, cdc byte) (err error) {
	if c.Dir == "" {
		return nil
	}
	p := c.path(kind, key, version)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 256<<10)
	var hdr []byte
	hdr = append(hdr, magic...)
	hdr = append(hdr, cdc)
	hdr = binary.LittleEndian.AppendUint64(hdr, uint64(int64(version)))
	hdr = binary.AppendUvarint(hdr, uint64(len(kind)))
	hdr = append(hdr, kind...)
	hdr = binary.AppendUvarint(hdr, uint64(len(key)))
	hdr = append(hdr, key...)
	if _, err := bw.Write(hdr); err != nil {
		return err
	}
	pw := &payloadWriter{w: bw, limit: entryLimit - int64(len(hdr)) - trailerSize, crc: crc32.Checksum(hdr, crcTable)}
	if err := encode(pw, v, cdc); err != nil {
		if pw.over {
			return ErrTooLarge
		}
		return err
	}
	var tr [trailerSize]byte
	binary.LittleEndian.PutUint64(tr[:8], uint64(pw.n))
	binary.LittleEndian.PutUint32(tr[8:12], pw.crc)
	copy(tr[12:], trailerMagic)
	if _, err := bw.Write(tr[:]); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// encode writes the gob encoding of v to w, compressed per cdc, turning a
// panic of the encoder into an error.
func encode(w io.Writer, v any, cdc byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("indexcache: encoding: %v", r)
		}
	}()
	if cdc != codecGobFlate {
		return gob.NewEncoder(w).Encode(v)
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(fw).Encode(v); err != nil {
		return err
	}
	return fw.Close()
}

// payloadWriter counts the payload, adds it to the checksum (which
// starts with the header's) and fails past limit.
type payloadWriter struct {
	w     io.Writer
	n     int64
	limit int64
	crc   uint32
	over  bool
}

func (p *payloadWriter) Write(b []byte) (int, error) {
	if p.n+int64(len(b)) > p.limit {
		p.over = true
		return 0, ErrTooLarge
	}
	n, err := p.w.Write(b)
	p.crc = crc32.Update(p.crc, crcTable, b[:n])
	p.n += int64(n)
	return n, err
}

// Prune removes the entries (of every kind, version and format) not
// loaded or saved for maxAge, judged by their modification time, and
// temporary files as old (left by a process that died while saving).
// It touches nothing in Dir but the files this package writes and the
// kind directories it leaves empty. The zero Cache prunes nothing.
func (c Cache) Prune(maxAge time.Duration) error {
	if c.Dir == "" {
		return nil
	}
	kinds, err := os.ReadDir(c.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	cutoff := time.Now().Add(-maxAge)
	var errs []error
	for _, k := range kinds {
		if !k.IsDir() {
			continue
		}
		kd := filepath.Join(c.Dir, k.Name())
		files, err := os.ReadDir(kd)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		left := len(files)
		for _, f := range files {
			name := f.Name()
			if !f.Type().IsRegular() || !strings.HasSuffix(name, fileSuffix) && !strings.HasPrefix(name, tempPrefix) {
				continue
			}
			info, err := f.Info()
			if err != nil {
				continue // removed meanwhile
			}
			if info.ModTime().After(cutoff) {
				continue
			}
			if err := os.Remove(filepath.Join(kd, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
				continue
			}
			left--
		}
		if left == 0 {
			os.Remove(kd) // fails harmlessly if a writer just made a file
		}
	}
	return errors.Join(errs...)
}
