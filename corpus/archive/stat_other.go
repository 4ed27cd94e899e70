//go:build !linux

package archive

import (
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
// zero time if it cannot be stat'ed.
func (d *dirStat) stat(p string) (int64, time.Time) {
	info, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(p)))
	if err != nil {
		return 0, time.Time{}
	}
	return info.Size(), info.ModTime()
}

func (d *dirStat) close() {}
