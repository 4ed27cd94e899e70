package archive

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// An index in the user's cache directory is one of a folder that could
// not be written: a read-only mount, another user's archive, a corpus
// shipped read-only. Every such folder ever opened left one there, and
// nothing removed them: a researcher who opened a few thousand read-only
// story folders had a few thousand indexes in the cache, some 60 MB for
// 500 small ones, for folders long gone. As Go's build cache trims what no
// build has used for five days, an opening that keeps its index in the
// cache trims, at most once a day, the indexes there that no run has used
// for a month: a folder opened again after that is indexed again, as the
// first time.
const (
	// cacheUnusedFor is how long an index in the cache may go unused
	// before it is trimmed.
	cacheUnusedFor = 30 * 24 * time.Hour
	// cacheTrimEvery is how often the cache is looked over, at most:
	// the folder's listing is one read a day, not one a run.
	cacheTrimEvery = 24 * time.Hour
	// cacheUseMark is how old an index's time may be before a run that
	// uses it sets it to now. A run on an unchanged archive writes
	// nothing to its index, so its time would say it unused; marking it
	// at most once an hour spares every run a write.
	cacheUseMark = time.Hour
	// trimStamp is the file in the cache folder whose time says when
	// the cache was last looked over.
	trimStamp = "trim.txt"
)

// markUsed sets the time of the index at p to now, unless it was set in
// the last cacheUseMark, so that trimCache sees it used. It is best
// effort: an index whose time cannot be set is at worst indexed again a
// month on.
func markUsed(p string, now time.Time) {
	info, err := os.Stat(p)
	if err != nil || now.Sub(info.ModTime()) < cacheUseMark {
		return
	}
	os.Chtimes(p, now, now)
}

// trimCache removes, from the cache folder dir, every index no run has
// used for cacheUnusedFor, with SQLite's files beside it, unless the
// cache was looked over in the last cacheTrimEvery. Only the indexes
// cacheIndexPath names are looked at; anything else in dir is left, and
// so is an index a process still has open (inUse), however long ago it
// was opened. Failures are ignored: trimming is housekeeping, and a run
// does not fail for it.
func trimCache(dir string, now time.Time) {
	stamp := filepath.Join(dir, trimStamp)
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < cacheTrimEvery {
		return
	}
	if err := os.WriteFile(stamp, nil, 0o600); err != nil {
		return
	}
	os.Chtimes(stamp, now, now)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "index-") || !strings.HasSuffix(name, ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || now.Sub(info.ModTime()) < cacheUnusedFor {
			continue
		}
		if p := filepath.Join(dir, name); !inUse(p) {
			RemoveIndex(p)
		}
	}
}

// inUse reports whether a connection, of this process or another, has
// the index at p open. Its time says when a run last opened it, not
// whether one still has it: a server or a reader kept open on a
// read-only folder for a month, its archive unchanged, had its index
// removed by the trim of any other run, and its next refresh failed on
// the file gone. In WAL mode every connection holds a shared lock on the
// file while it is open; a connection in exclusive locking mode needs
// the file's exclusive lock to read it, and is refused it at once while
// another has it open. A file that is no index, or cannot be read, is no
// one's.
func inUse(p string) bool {
	db, err := sql.Open("sqlite", "file:"+p+"?mode=rw&_pragma=busy_timeout(0)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return false
	}
	defer db.Close()
	var n int
	return IsLocked(db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n))
}
