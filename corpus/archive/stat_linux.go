package archive

import (
	"os"
	"path/filepath"
	"strings"
	"time"

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
// zero time if it cannot be stat'ed.
func (d *dirStat) stat(p string) (int64, time.Time) {
	dir, name := ".", p
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		dir, name = p[:i], p[i+1:]
	}
	if dir != d.dir {
		d.close()
		d.dir, d.fd = dir, -1
		for {
			fd, err := unix.Open(filepath.Join(d.root, filepath.FromSlash(dir)), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
			if err == unix.EINTR {
				continue
			}
			if err == nil {
				d.fd = fd
			}
			break
		}
	}
	if d.fd < 0 {
		info, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(p)))
		if err != nil {
			return 0, time.Time{}
		}
		return info.Size(), info.ModTime()
	}
	var st unix.Stat_t
	for {
		// Flags 0: a symbolic link is followed, as os.Stat follows it.
		err := unix.Fstatat(d.fd, name, &st, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, time.Time{}
		}
		break
	}
	return st.Size, time.Unix(st.Mtim.Unix())
}

// close closes the directory kept open, if any.
func (d *dirStat) close() {
	if d.dir != "" && d.fd >= 0 {
		unix.Close(d.fd)
	}
	d.dir, d.fd = "", -1
}
