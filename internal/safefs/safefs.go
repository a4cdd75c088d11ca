// Package safefs reads files that a flake, its inputs or its modules
// name, which may be anything: a symbolic link to /dev/zero, a FIFO, a
// directory, a file of gigabytes. Only regular files are read, and only
// up to a size; nothing blocks on a FIFO or reads forever from a device.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for anything but a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads the regular file at path (symbolic links followed) if it
// holds at most max bytes. The file is looked at with stat before it is
// opened (opening a FIFO would block), and read through a limit (a file
// that grows meanwhile is cut off with an error, not read on).
func ReadFile(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	if fi.Size() > max {
		return nil, &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d bytes", max)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The name may have been replaced between the two looks.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d bytes", max)}
	}
	return data, nil
}
