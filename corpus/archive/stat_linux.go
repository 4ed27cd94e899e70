package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// dirStat stats files by their name in a directory kept open, the
// directory of the file stat'ed last: the kernel then looks up one name,
// not every directory from the root, and nothing is allocated for the
// answer, as os.Stat allocates a FileInfo. Where the directory cannot be
// opened, the file is stat'ed by its path.
type dirStat struct {
	root string
	dir  string // slash-separated, relative to root; "" before the first
	fd   int    // dir's, or -1 if it could not be opened
}

// stat returns the size and modification time of the file at p, a
// slash-separated path relative to root, after symbolic links; 0 and the
// zero time if it cannot be stat'ed. denied says that the file is one
// this process may not read: a file made unreadable keeps its size and
// time, and was listed as the article it had been.
func (d *dirStat) stat(p string) (size int64, mtime time.Time, denied bool) {
	dir, name := ".", p
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		dir, name = p[:i], p[i+1:]
	}
	if dir != d.dir {
		d.close()
		d.dir, d.fd = dir, -1
		if fd, err := openDir(filepath.Join(d.root, filepath.FromSlash(dir))); err == nil {
			d.fd = fd
		}
	}
	if d.fd < 0 {
		info, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(p)))
		if err != nil {
			return 0, time.Time{}, false
		}
		return info.Size(), info.ModTime(), false
	}
	var st unix.Stat_t
	// Flags 0: a symbolic link is followed, as os.Stat follows it.
	if err := retry(func() error { return unix.Fstatat(d.fd, name, &st, 0) }); err != nil {
		return 0, time.Time{}, false
	}
	// Asked only of a regular file that not everyone may read, so that
	// an archive of files of mode 644 costs no call more; the kernel
	// answers as it would open it (owner, groups, ACLs, root).
	if st.Mode&unix.S_IFMT == unix.S_IFREG && st.Mode&0o004 == 0 {
		err := retry(func() error { return unix.Faccessat(d.fd, name, unix.R_OK, unix.AT_EACCESS) })
		denied = errors.Is(err, unix.EACCES)
	}
	return st.Size, time.Unix(st.Mtim.Unix()), denied
}

// close closes the directory kept open, if any.
func (d *dirStat) close() {
	if d.dir != "" && d.fd >= 0 {
		unix.Close(d.fd)
	}
	d.dir, d.fd = "", -1
}

// readDir lists a directory in the order the file system gives, and
// returns its modification time from before it was listed: an entry
// added or removed while it is listed leaves a later time. It reads the
// directory's records itself, as os.File.ReadDir does, but keeps every
// name in one string and allocates no FileInfo per entry: at 100,000
// entries, os.File.ReadDir's allocations cost more than the reading.
func readDir(dir string) ([]dirEntry, time.Time, error) {
	fd, err := openDir(dir)
	if err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := retry(func() error { return unix.Fstat(fd, &st) }); err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "stat", Path: dir, Err: err}
	}
	mtime := time.Unix(st.Mtim.Unix())

	type listed struct {
		start, end int // of the name in names
		typ        byte
	}
	var ents []listed
	var names []byte
	buf := make([]byte, 128<<10)
	for {
		var n int
		err := retry(func() (err error) {
			n, err = unix.Getdents(fd, buf)
			return err
		})
		if err != nil {
			return nil, time.Time{}, &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			break
		}
		for rec := buf[:n]; len(rec) > 0; {
			reclen, typ, ino, name, ok := dirent(rec)
			if !ok {
				break
			}
			rec = rec[reclen:]
			if ino == 0 || string(name) == "." || string(name) == ".." {
				continue
			}
			ents = append(ents, listed{len(names), len(names) + len(name), typ})
			names = append(names, name...)
		}
	}
	all := string(names)
	out := make([]dirEntry, 0, len(ents))
	for _, e := range ents {
		d := dirEntry{name: all[e.start:e.end]}
		typ := e.typ
		if typ == unix.DT_UNKNOWN {
			// A file system that does not say: ask, as os.File.ReadDir
			// does, without following a link.
			var st unix.Stat_t
			err := retry(func() error { return unix.Fstatat(fd, d.name, &st, unix.AT_SYMLINK_NOFOLLOW) })
			switch {
			case errors.Is(err, unix.ENOENT):
				continue // gone since it was listed
			case err != nil:
				return nil, time.Time{}, &fs.PathError{Op: "lstat", Path: filepath.Join(dir, d.name), Err: err}
			}
			switch st.Mode & unix.S_IFMT {
			case unix.S_IFDIR:
				typ = unix.DT_DIR
			case unix.S_IFLNK:
				typ = unix.DT_LNK
			}
		}
		d.dir, d.link = typ == unix.DT_DIR, typ == unix.DT_LNK
		out = append(out, d)
	}
	return out, mtime, nil
}

// dirent takes apart the first record of rec, as the getdents64 system
// call writes it: its length, the entry's type and inode number, and its
// name.
func dirent(rec []byte) (reclen int, typ byte, ino uint64, name []byte, ok bool) {
	var d unix.Dirent
	nameAt := int(unsafe.Offsetof(d.Name))
	if len(rec) < nameAt {
		return 0, 0, 0, nil, false
	}
	reclen = int(binary.NativeEndian.Uint16(rec[unsafe.Offsetof(d.Reclen):]))
	if reclen < nameAt || reclen > len(rec) {
		return 0, 0, 0, nil, false
	}
	name = rec[nameAt:reclen]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return reclen, rec[unsafe.Offsetof(d.Type)], binary.NativeEndian.Uint64(rec[unsafe.Offsetof(d.Ino):]), name, true
}

// openDir opens the directory dir for reading its entries.
func openDir(dir string) (int, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		return err
	})
	return fd, err
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}
