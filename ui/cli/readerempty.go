package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// hasArticleFile reports whether the folder dir holds, at any depth, a
// file the loader would read as an article, looking as the archive's scan
// does (names starting with "." are passed over, dir itself may be a
// symbolic link). It stops at the first, so a folder of articles costs a
// directory read or two: the reader asks it before taking the screen, so
// that a folder with nothing to read fails as list does, one line and
// status 1, and not full screen.
func hasArticleFile(ctx context.Context, dir string) (bool, error) {
	dirs := []string{dir}
	for len(dirs) > 0 {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		d := dirs[len(dirs)-1]
		dirs = dirs[:len(dirs)-1]
		ents, err := os.ReadDir(d)
		if err != nil {
			if d == dir {
				return false, err
			}
			continue // an unreadable subfolder: its files are not listed
		}
		for _, e := range ents {
			name := e.Name()
			switch {
			case strings.HasPrefix(name, "."):
			case e.IsDir():
				dirs = append(dirs, filepath.Join(d, name))
			case corpus.IsArticleName(name):
				return true, nil
			}
		}
	}
	return false, nil
}
