//go:build !unix

package store

import (
	"fmt"
	"io"
	"os"
)

// regular writes the rest of a regular file's node: the executable flag
// and the contents, from one open file (so that the mode, the size and the
// bytes are the same file's).
func (nw *narWriter) regular(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("file '%s' changed type while it was read", path)
	}
	nw.str("regular")
	if fi.Mode().Perm()&0o100 != 0 {
		nw.str("executable")
		nw.str("")
	}
	nw.str("contents")
	size := uint64(fi.Size())
	nw.length(size)
	if err := nw.flush(); err != nil {
		return err
	}
	n, err := io.CopyBuffer(nw.w, io.LimitReader(f, int64(size)), nw.copyBuf)
	if err != nil {
		nw.err = err
		return err
	}
	if uint64(n) != size {
		nw.err = fmt.Errorf("file '%s' shrank while it was read (%d of %d bytes)", path, n, size)
		return nw.err
	}
	nw.pad(size)
	return nil
}
