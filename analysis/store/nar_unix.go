//go:build unix

package store

import (
	"fmt"
	"syscall"
)

// regular writes the rest of a regular file's node: the executable flag
// and the contents, from one open file descriptor (so that the mode, the
// size and the bytes are the same file's). It calls the system directly:
// os.Open would also try to register each file with the network poller,
// and a tree of thousands of files pays for every extra system call.
func (nw *narWriter) regular(path string) error {
	fd, err := openRead(path)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return fmt.Errorf("stat '%s': %w", path, err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return fmt.Errorf("file '%s' changed type while it was read", path)
	}
	nw.str("regular")
	if st.Mode&syscall.S_IXUSR != 0 {
		nw.str("executable")
		nw.str("")
	}
	nw.str("contents")
	size := uint64(st.Size)
	nw.length(size)
	if err := nw.flush(); err != nil {
		return err
	}
	var done uint64
	for done < size {
		buf := nw.copyBuf
		if rest := size - done; rest < uint64(len(buf)) {
			buf = buf[:rest]
		}
		n, err := read(fd, buf)
		if err != nil {
			return fmt.Errorf("read '%s': %w", path, err)
		}
		if n == 0 {
			nw.err = fmt.Errorf("file '%s' shrank while it was read (%d of %d bytes)", path, done, size)
			return nw.err
		}
		if _, err := nw.w.Write(buf[:n]); err != nil {
			nw.err = err
			return err
		}
		done += uint64(n)
	}
	nw.pad(size)
	return nil
}

func openRead(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, fmt.Errorf("open '%s': %w", path, err)
		}
		return fd, nil
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

func read(fd int, buf []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, buf)
		if err != syscall.EINTR {
			return n, err
		}
	}
}
