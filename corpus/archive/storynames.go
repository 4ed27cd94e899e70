package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// StoryNames returns the names of the stories the index of the archive at
// dir last recorded, in the order FindStory numbers them, for a shell
// completing a --story flag. It reads the index as it is, writing nothing
// and looking at no article: a completion must come back at once, and
// must not build an index on a folder of a hundred thousand files. So it
// returns nothing, and no error, when dir has no index yet, when the index
// is of another version, or when its recorded stories are not of the index
// as it is (see storyindex.go); files changed since the index last saw
// them are not looked at.
func StoryNames(ctx context.Context, dir string) ([]string, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	path := existingIndexPath(root)
	if path == "" {
		return nil, nil
	}
	q := url.Values{}
	q.Add("mode", "ro")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", storyNamesBusyTimeout.Milliseconds()))
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var version string
	err = db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&version)
	if err != nil || version != schemaVersion {
		return nil, nil // no index of this version: nothing to offer
	}
	// One statement, so one read transaction: the stories are read only
	// if they were recorded from the index as it is at that moment.
	rows, err := db.QueryContext(ctx, `SELECT st.name FROM stories st, state s, meta m
		WHERE m.key = ? AND m.value = CAST(s.gen AS TEXT) ORDER BY st.num`, storiesGenKey)
	if err != nil {
		return nil, err
	}
	return scanColumn[string](rows)
}

// storyNamesBusyTimeout is how long StoryNames waits for another
// process's lock: in WAL mode a reader waits only while the index is being
// recovered or its log reset, and a shell waiting on a completion should
// not wait busyTimeout's ten seconds for that.
const storyNamesBusyTimeout = 100 * time.Millisecond

// existingIndexPath returns where placeIndex keeps the index of the
// archive at root, if an index is there, creating nothing: "" when there
// is none or it cannot be looked at.
func existingIndexPath(root string) string {
	candidates := []string{filepath.Join(root, IndexDir, indexFile)}
	if p, err := cacheIndexPath(root); err == nil {
		candidates = append(candidates, p)
	}
	for _, p := range candidates {
		info, err := os.Stat(p)
		switch {
		case err == nil && info.Mode().IsRegular():
			return p
		case err == nil || !errors.Is(err, os.ErrNotExist):
			return ""
		}
	}
	return ""
}
