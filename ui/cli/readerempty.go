package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
)

// The reader opens a folder at once and refreshes its index in its
// background, which can take minutes on a large folder. A folder with
// nothing it can read would then take the whole screen only to say so, where
// list fails with its warnings and one line, status 1. probeArticles looks
// first, within a small budget, so that the reader fails as list does on
// such a folder, before taking the screen; a folder where anything loads
// opens as before, its problems shown in the reader.

// probeTime bounds how long probeArticles looks, all the files it loads
// failing, before it leaves the answer to the reader's background. A file
// that fails costs 16 to 20 µs (a 4 KiB binary file: 1,000 took 16 ms,
// 12,000 took 190 to 240 ms; 2 cores, load 1), so this is some 10,000
// files: a folder of that many skipped files fails in one line as list
// does, before the screen is taken, and only a larger one opens the reader
// to say so there, rather than keep the terminal blank for seconds. It was
// a count of 64 files, past which a folder of nothing readable took the
// whole screen to say that no article could be read. A variable only so
// that a test of a folder of many such files does not depend on how busy
// the machine is.
var probeTime = 200 * time.Millisecond

// probeFileBytes is the largest article file probeArticles loads. Loading
// segments the text, about 29 ms of CPU a MiB of prose (0.14 ms for a
// 4 KiB article; 2 cores, load 1.3), which the reader's opening should
// not wait for: a file of this size costs some 2 ms. A larger file under
// corpus.MaxFileSize is taken for one that loads (only its text can fail
// it, and an empty or binary file is seldom that large), and one over it
// fails without being read.
const probeFileBytes = 64 << 10

// probeArticles reports whether the folder dir holds, at any depth, a file
// the loader reads as an article, looking as the archive's scan does (names
// starting with "." are passed over, dir itself may be a symbolic link).
// It stops at the first that loads, so a folder of articles costs a
// directory read or two and one short article's load. When it reports
// false, probs holds why each article file it found was skipped, by path
// (none when there was no article file at all). When the budget above runs
// out (budget, probeTime for the reader) before an answer, it reports
// true: the reader will tell.
func probeArticles(ctx context.Context, dir string, budget time.Duration) (loads bool, probs []corpus.Problem, err error) {
	deadline := time.Now().Add(budget)
	dirs := []string{dir}
	for len(dirs) > 0 {
		if err := ctx.Err(); err != nil {
			return false, nil, err
		}
		d := dirs[len(dirs)-1]
		dirs = dirs[:len(dirs)-1]
		var readErr error
		for e := range dirEntries(d, &readErr) {
			name := e.Name()
			p := filepath.Join(d, name)
			switch {
			case strings.HasPrefix(name, "."):
			case e.Type()&fs.ModeSymlink != 0 && isDir(p):
				// Not followed, and said, as the listing says it.
				probs = append(probs, corpus.Problem{Path: p, Offset: -1, Msg: corpus.LinkToFolder, Skipped: true})
			case e.IsDir():
				dirs = append(dirs, p)
			case corpus.IsArticleName(name):
				if !time.Now().Before(deadline) {
					return true, nil, nil
				}
				if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() && info.Size() > probeFileBytes && info.Size() <= corpus.MaxFileSize {
					return true, nil, nil
				}
				if err := ctx.Err(); err != nil {
					return false, nil, err
				}
				art, _, err := corpus.LoadFile(p)
				if art != nil {
					return true, nil, nil
				}
				var skipped corpus.Problem
				if !errors.As(err, &skipped) {
					// Not a reason the loader gives (the file went
					// away, say): the reader's own load will tell.
					return true, nil, nil
				}
				probs = append(probs, skipped)
			}
		}
		if readErr != nil && d == dir {
			return false, nil, readErr
		}
		// An unreadable subfolder: its files are not listed.
	}
	corpus.SortProblems(probs)
	return false, probs, nil
}

// dirEntries yields the entries of the folder d, in the order the file
// system gives them, a few hundred read at a time: the first of a folder
// of 100,000 articles is found without reading, and sorting, every name as
// os.ReadDir does. *err is set to why d could not be read, if it could not.
func dirEntries(d string, err *error) iter.Seq[fs.DirEntry] {
	return func(yield func(fs.DirEntry) bool) {
		dir, openErr := os.Open(d)
		if openErr != nil {
			*err = openErr
			return
		}
		defer dir.Close()
		for {
			ents, readErr := dir.ReadDir(256)
			for _, e := range ents {
				if !yield(e) {
					return
				}
			}
			if readErr != nil {
				if readErr != io.EOF {
					*err = readErr
				}
				return
			}
		}
	}
}

// isDir reports whether p is a folder, or a link to one.
func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
