//go:build !linux

package archive

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// dirStat stats files by their path from root (see stat_linux.go).
type dirStat struct {
	root string
}

// stat returns the size and modification time of the file at p, a
// slash-separated path relative to root, after symbolic links; 0 and the
// zero time if it cannot be stat'ed. denied is always false here: a file
// that cannot be read is found so when it is read.
func (d *dirStat) stat(p string) (size int64, mtime time.Time, denied bool) {
	info, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(p)))
	if err != nil {
		return 0, time.Time{}, false
	}
	return info.Size(), info.ModTime(), false
}

func (d *dirStat) close() {}

// readDir lists a directory in the order the file system gives, and
// returns its modification time from before it was listed: an entry
// added or removed while it is listed leaves a later time.
func readDir(dir string) ([]dirEntry, time.Time, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	ents, err := f.ReadDir(-1)
	out := make([]dirEntry, len(ents))
	for i, d := range ents {
		out[i] = dirEntry{name: d.Name(), dir: d.IsDir(), link: d.Type()&fs.ModeSymlink != 0}
	}
	return out, info.ModTime(), err
}
