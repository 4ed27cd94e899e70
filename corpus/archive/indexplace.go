package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// placeIndex decides where the index of an archive opened without
// Options.IndexPath is kept, and what its user is told about it:
//
//   - DIR/.newsdiff/index.db when that directory, and the index in it if
//     there is one, can be written; nothing to say. A folder that grants
//     no one write permission and has no index yet counts as not writable
//     even to a user who could write it (root): its owner marked it
//     read-only, and newsdiff does not write into it unasked;
//   - else a file in the user's cache directory; the run that makes it
//     notes where it went and why (IndexNote), and later runs are quiet.
//     Such a run also trims the indexes there that no run has used for a
//     month (see trimCache);
//   - else (HOME unset or read-only, XDG_CACHE_HOME a file) a temporary
//     index for this run, with a warning, as when another process holds
//     the index. That used to be an error: a folder on a read-only mount
//     could not even be listed by a user without a cache directory.
//
// Only when no temporary file can be made either (TMPDIR missing) does
// Open fail, naming all three.
func (a *Archive) placeIndex() error {
	dir := filepath.Join(a.root, IndexDir)
	// The index beside the articles is readable by whoever may read them,
	// as it was before the cache fallback; the one in a user's cache is
	// theirs alone.
	why := "cannot be written"
	// what cannot be written, said when no cache directory can be either.
	what, whatPath := "%s", a.root
	if markedReadOnly(a.root, dir) {
		why = "is read-only"
	} else if notFolder(dir) {
		// The folder may well be writable: "cannot be written" sent its
		// user to its permissions.
		why = "has a file " + IndexDir + " where the index's folder goes"
	} else if canWrite(dir, 0o755) {
		p := filepath.Join(dir, indexFile)
		if indexWritable(p) {
			a.indexPath = p
			return nil
		}
		why = "holds an index that cannot be written"
		what, whatPath = "index %s", p
	}
	p, err := cacheIndexPath(a.root)
	if err == nil && !canWrite(filepath.Dir(p), 0o700) {
		err = fmt.Errorf("%s cannot be written", filepath.Dir(p))
	}
	if err == nil {
		if _, serr := os.Stat(p); errors.Is(serr, os.ErrNotExist) {
			a.note = noticeOf("%s "+why+"; its index is kept in %s", a.root, p)
		}
		// Marked used before the cache is trimmed, so that the trim
		// leaves it, however long ago it was last used.
		now := time.Now()
		markUsed(p, now)
		trimCache(filepath.Dir(p), now)
		a.indexPath = p
		return nil
	}
	if terr := a.useTemporaryIndex(); terr != nil {
		return fmt.Errorf("%s cannot be written, nor a cache directory (%v), nor a temporary index (%v)", a.root, err, terr)
	}
	a.warnings = append(a.warnings, noticeOf(what+" cannot be written, nor a cache directory ("+words(err)+"); using a temporary index, rebuilt on every run", whatPath))
	return nil
}

// notFolder reports whether p is there and is not a folder (nor a link to
// one).
func notFolder(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

// markedReadOnly reports whether the folder root grants no one write
// permission and holds no index directory yet. The probe of canWrite alone
// would let root make DIR/.newsdiff in a folder its owner made read-only.
func markedReadOnly(root, indexDir string) bool {
	info, err := os.Stat(root)
	if err != nil || info.Mode().Perm()&0o222 != 0 {
		return false
	}
	_, err = os.Lstat(indexDir)
	return errors.Is(err, os.ErrNotExist)
}

// indexWritable reports whether the index at p, and each of SQLite's
// files beside it that is there, can be opened for writing. Another user's
// index in a folder both may write (a shared archive, made under a umask
// of 022), or one made unreadable, failed every command that had to
// write it with "attempt to write a readonly database (8)" or "unable to
// open database file (14)"; such an index is left alone, and this user's
// kept in their cache directory. Whatever else holds its name (a folder)
// is Open's to deal with.
func indexWritable(p string) bool {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		info, err := os.Stat(p + suffix)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		f, err := os.OpenFile(p+suffix, os.O_RDWR, 0)
		if err != nil {
			return false
		}
		f.Close()
	}
	return true
}

// canWrite makes dir if it is missing and reports whether a file can be
// made in it: a probe, because permission bits do not tell (root, a
// read-only mount, ACLs).
func canWrite(dir string, perm os.FileMode) bool {
	if err := os.MkdirAll(dir, perm); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// IndexNote is one line saying where the index went when it could not be
// kept in the archive's folder and was made elsewhere on this run, or "".
// It is no warning: nothing went wrong, and the index lasts. Its folder
// and index are written by name (see Warnings).
func (a *Archive) IndexNote(name func(string) string) string { return a.note.text(name) }

// notice is a note or warning of opening an archive with the files it
// names apart from its words: format's %s verbs are paths, in order, so
// that a caller may write them as it names files elsewhere (a command
// line quotes one that holds an escape; stripped of it, the index a
// warning named was not the one the summary beside it named).
type notice struct {
	format string
	paths  []string
}

// noticeOf is the notice of format and its paths. Nothing but the paths
// may be given to format as arguments: the rest is in it, each % of it
// doubled (see words).
func noticeOf(format string, paths ...string) notice { return notice{format, paths} }

// words is err's message as a part of a notice's format.
func words(err error) string { return strings.ReplaceAll(fmt.Sprint(err), "%", "%%") }

// text is the notice with each path written by name (as it is, when
// name is nil); "" for no notice.
func (n notice) text(name func(string) string) string {
	if n.format == "" {
		return ""
	}
	args := make([]any, len(n.paths))
	for i, p := range n.paths {
		if name != nil {
			p = name(p)
		}
		args[i] = p
	}
	return fmt.Sprintf(n.format, args...)
}
