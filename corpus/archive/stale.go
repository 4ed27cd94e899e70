package archive

import "context"

// Stale reports whether the archive's files differ from the listing it
// was opened with: a file added, removed, or of another size or time than
// the index holds, or an article the index has yet to group. It writes
// nothing. A reader that opened the archive from its index as it was
// (Options.NoRefresh), to show it at once, checks this in the background
// and opens it again, refreshing it, only when it is stale: the check
// holds a path and a time per file, not a second listing. An index found
// damaged is stale: opened again, it is rebuilt.
func (a *Archive) Stale(ctx context.Context) (bool, error) {
	disk, _, err := scan(ctx, a.root)
	if err != nil {
		return false, err
	}
	if len(disk) != len(a.entries) {
		return true, nil
	}
	index := make(map[string]int, len(a.entries))
	for i, e := range a.entries {
		index[e.Path] = i
	}
	for _, f := range disk {
		i, ok := index[f.Path]
		if !ok || !a.entries[i].current(f) {
			return true, nil
		}
	}
	if m, ok := a.store.(damageMarker); ok {
		// Marked by a search of its full text, say, which nothing
		// else reads: a served folder's index was searched, failing,
		// refresh after refresh, until the server was restarted.
		marked, err := m.markedDamaged(ctx)
		switch {
		case marked || IsCorrupt(err):
			return true, nil
		case err != nil:
			return false, err
		}
	}
	if idx, ok := a.store.(storyIndex); ok {
		waiting, err := idx.HasUngrouped(ctx)
		if IsCorrupt(err) {
			// Marked to be rebuilt: opening it again rebuilds it, with
			// a warning, where the reader said "database disk image is
			// malformed (11)" and went on with it, session after
			// session.
			return true, nil
		}
		return waiting, err
	}
	return false, ctx.Err()
}

// Unfinished reports whether the archive was listed from an index whose
// building had not finished (Options.NoRefresh): no full refresh has
// completed on it, as when the first build was stopped, or articles in it
// wait to be grouped, as when a refresh was stopped before grouping them.
// Such a listing lacks the files not read yet, and lists each article
// not grouped yet alone: a reader that shows the index as it is should
// open the archive again, refreshing it, before it shows it. An archive
// that opening refreshed is never unfinished.
func (a *Archive) Unfinished() bool { return a.unfinished }

// damageMarker is what a store may say of the damage a read after opening
// it found (see SQLite.markDamaged), which its next opening rebuilds.
type damageMarker interface {
	markedDamaged(ctx context.Context) (bool, error)
}
