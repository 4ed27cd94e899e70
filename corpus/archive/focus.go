package archive

import (
	"context"
	"maps"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
)

// A command that works on one story (quotes, matrix --story X) or two
// articles (diff --dir) need not look at 100,000 files to show five.
// Directory modification times say when an entry was added, removed or
// renamed in a directory, and nothing else: a file edited in place keeps
// its directory's time. So after each full refresh the index keeps every
// directory's time, and a refresh focused on a few articles
// (Options.Focus) stats the directories only; if every one is as it was,
// no file was added or removed anywhere, and only the files Options.Focus
// names (and the sidecars beside them) are stat'ed and, if changed, read
// again. Any other difference falls back to a full refresh.
//
// What a focused refresh does not see is an article elsewhere edited in
// place, which might now belong to the story in focus: the next full refresh (any
// command that is not focused, or newsdiff index) picks it up.
//
// Times are kept only when they are old enough to be trusted: a file
// system keeps them to a clock tick (a few milliseconds on ext4), so an
// entry added in the same tick as the listing would leave the directory's
// time as recorded. A directory changed less than racyDirTime before the
// scan is recorded as untrusted, and a focused refresh falls back to a
// full one until a full refresh records it again.
const racyDirTime = 2 * time.Second

// saveDirTimes records the directory times a full refresh found, if they
// differ from what the store has.
func (a *Archive) saveDirTimes(ctx context.Context, times map[string]time.Time, scanStart time.Time) error {
	rec := make(map[string]int64, len(times))
	for dir, t := range times {
		if t.After(scanStart.Add(-racyDirTime)) {
			rec[dir] = 0
		} else {
			rec[dir] = t.UnixNano()
		}
	}
	old, err := a.store.DirTimes(ctx)
	if err != nil || maps.Equal(old, rec) {
		return err
	}
	return a.store.SetDirTimes(ctx, rec)
}

// FocusStory is an Options.Focus on the story FindStory finds by name.
func FocusStory(name string) func(*Archive) ([]Entry, error) {
	return func(a *Archive) ([]Entry, error) {
		s, err := a.FindStory(name)
		if err != nil {
			return nil, err
		}
		return s.Entries, nil
	}
}

// dirsUnchanged reports whether every directory of the archive has the
// time the last full refresh recorded, a time old enough to trust: then no
// file was added, removed or renamed since.
func (a *Archive) dirsUnchanged(ctx context.Context) (bool, error) {
	times, err := a.store.DirTimes(ctx)
	if err != nil || len(times) == 0 {
		return false, err
	}
	for dir, t := range times {
		info, err := os.Stat(filepath.Join(a.root, filepath.FromSlash(dir)))
		if t == 0 || err != nil || !info.IsDir() || info.ModTime().UnixNano() != t {
			return false, nil
		}
	}
	return true, nil
}

// refreshFocused is the focused refresh. It reports false, having changed
// nothing, when a full refresh is needed.
func (a *Archive) refreshFocused(ctx context.Context, opts Options) (bool, error) {
	if same, err := a.dirsUnchanged(ctx); err != nil || !same {
		return false, err
	}
	entries, err := a.store.Entries(ctx)
	if err != nil {
		return false, err
	}
	a.load(entries)
	chosen, err := opts.Focus(a)
	if err != nil {
		return false, nil // a full refresh, after which the caller says why
	}
	focus := map[string]bool{}
	for _, e := range chosen {
		focus[e.Path] = true
		focus[path.Join(path.Dir(e.Path), sidecarName)] = true
	}
	// The files skipped in the folders of a story's articles are its
	// files too (see skippedIn): an empty one filled in place is read.
	// One that cannot be stat'ed (a link to nothing) is as scan finds it.
	skippedHere := map[string]bool{}
	for _, d := range storyFolders(chosen) {
		skippedHere[d] = true
	}
	// The files on disk are as the index has them, but for the story's.
	disk := make([]diskFile, 0, len(entries))
	same := true
	for _, e := range entries {
		f := diskFile{FileState: FileState{Path: e.Path, Size: e.Size, ModTime: e.ModTime}, sidecar: path.Base(e.Path) == sidecarName}
		if e.Skipped && (corpus.IsListingProblem(e.Problem) || !focus[e.Path] && e.unreadable()) {
			// As the last full listing found it: a file or folder
			// that could not be read is tried again only when it is
			// one of the focus's.
			f.problem = e.Problem
		}
		switch {
		case focus[e.Path]:
			info, err := os.Stat(filepath.Join(a.root, filepath.FromSlash(e.Path)))
			if err != nil {
				return false, nil
			}
			f.Size, f.ModTime = info.Size(), info.ModTime()
			same = same && e.unchanged(f.FileState) && !e.unreadable()
		case e.Skipped && skippedHere[path.Dir(e.Path)] && !corpus.IsListingProblem(e.Problem):
			f.Size, f.ModTime = 0, time.Time{}
			if info, err := os.Stat(filepath.Join(a.root, filepath.FromSlash(e.Path))); err == nil {
				f.Size, f.ModTime = info.Size(), info.ModTime()
			}
			same = same && e.unchanged(f.FileState)
		}
		disk = append(disk, f)
	}
	if same && !hasUngrouped(entries) {
		return true, nil
	}
	changed, touched, err := refresh(ctx, a.root, a.store, entries, disk, opts)
	if err != nil || !changed {
		return err == nil, err
	}
	a.noteTouched(touched)
	if entries, err = a.store.Entries(ctx); err != nil {
		return false, err
	}
	a.load(entries)
	return true, nil
}

// hasUngrouped reports whether an article is waiting to be grouped, as
// after an interrupted refresh: a focused refresh groups it too.
func hasUngrouped(entries []Entry) bool {
	for _, e := range entries {
		if e.Group == 0 && e.Story == "" && !e.Skipped {
			return true
		}
	}
	return false
}
