package archive

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// A command on one story of a large archive (quotes, matrix --story X)
// needs that story's five articles, not the listing of 100,000: decoding
// the listing and gathering it into stories was most of such a command's
// time. So after a refresh gathers the listing into stories, the stories
// are kept in the index too, one row each with its number, its name and
// its articles' ids, valid for the generation of the index they were made
// from, as the listing blob is (listing.go). Options.Story then finds its
// story by an indexed query, reads its articles' rows, and checks their
// files as a focused refresh does (focus.go); anything out of the ordinary
// (a file changed, a directory changed, a name that finds no story or
// several, stories of an older generation) falls back to the focused
// refresh over the whole listing, which gives the same stories.

// storyIndex is what a Store may keep so that one story can be opened
// without the whole listing. It is optional: a store without it opens a
// story through its listing.
type storyIndex interface {
	// SaveStories records the stories gathered from the listing Entries
	// returned last, unless the index has changed since or they are
	// recorded already. It is a cache: an error costs time, nothing more.
	SaveStories(ctx context.Context, stories []*Story) error
	// StoryEntries returns the entries of the story FindStory would find
	// by name among the recorded stories, with the records of the sidecar
	// files beside them and of the files skipped in its folders, and ok false when the recorded stories are not
	// of the index as it is or name finds no single story.
	StoryEntries(ctx context.Context, name string) (s *Story, sidecars []Entry, ok bool, err error)
	// HasUngrouped reports whether an article is waiting to be grouped.
	HasUngrouped(ctx context.Context) (bool, error)
}

// storiesSchema is created on opening an index that lacks it, so that an
// index made before it is kept.
const storiesSchema = `
CREATE TABLE IF NOT EXISTS stories(
	num INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	folded TEXT NOT NULL,
	flags INTEGER NOT NULL,
	ids BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_name ON stories(name);
CREATE INDEX IF NOT EXISTS stories_folded ON stories(folded);
`

// storiesGenKey is the meta key holding the generation the stories were
// gathered from. It changes when the stories recorded under the last one
// are numbered otherwise, so that they are gathered again rather than
// read as they were: "stories 2" since stories are numbered in the order
// of their files' names (corpus.CompareNames), not bytewise.
const storiesGenKey = "stories 2"

const (
	storyGrouped = 1 << iota
	storyAlone
)

// openStory opens the archive on the story opts.Story names alone, when the
// store can say which it is and none of its files changed. It reports false,
// having changed nothing, when the archive is to be refreshed otherwise.
func (a *Archive) openStory(ctx context.Context, opts Options) (bool, error) {
	idx, ok := a.store.(storyIndex)
	if !ok {
		return false, nil
	}
	if same, err := a.dirsUnchanged(ctx); err != nil || !same {
		return false, err
	}
	s, sidecars, ok, err := idx.StoryEntries(ctx, opts.Story)
	if err != nil || !ok {
		return false, err
	}
	entries := append(sidecars, s.Entries...)
	if ok, err := a.settled(ctx, idx, entries); err != nil || !ok {
		return false, err
	}
	a.setListing(entries)
	a.stories = []*Story{s}
	a.only = opts.Story
	return true, nil
}

// settled reports whether the archive may be opened on entries, read from
// idx, alone: none of their files changed and no article is waiting to be
// grouped.
func (a *Archive) settled(ctx context.Context, idx storyIndex, entries []Entry) (bool, error) {
	if !a.filesUnchanged(entries) {
		return false, nil
	}
	waiting, err := idx.HasUngrouped(ctx)
	return err == nil && !waiting, err
}

// setListing makes entries, in any order, the listing of an archive
// opened on them alone. Two names may find one article (diff A A): it is
// listed once.
func (a *Archive) setListing(entries []Entry) {
	slices.SortFunc(entries, func(x, y Entry) int { return strings.Compare(x.Path, y.Path) })
	a.setEntries(slices.CompactFunc(entries, func(x, y Entry) bool { return x.Path == y.Path }))
}

// filesUnchanged reports whether the files of es are as the index records
// them, by the test a refresh reads them again by.
func (a *Archive) filesUnchanged(es []Entry) bool {
	for _, e := range es {
		// As scan looks at a file: one that cannot be stat'ed (a
		// symbolic link to nothing) has no size and the zero time.
		var now FileState
		if info, err := os.Stat(filepath.Join(a.root, filepath.FromSlash(e.Path))); err == nil {
			now.Size, now.ModTime = info.Size(), info.ModTime()
		}
		// One that could not be read may be read now (see
		// Entry.unreadable): the refresh reads it again.
		if !e.unchanged(now) || e.unreadable() {
			return false
		}
	}
	return true
}

// saveStories records the archive's stories in the store, if it keeps
// them: not when the archive holds only some of them, nor when its index
// is unfinished, as a shell would offer stories to complete that the
// finished index names and numbers otherwise. The stories are a cache,
// and failing to record them costs time alone, except when the index is
// damaged (IsCorrupt): that is returned, so that the index is rebuilt,
// where the damage was passed over run after run.
func (a *Archive) saveStories(ctx context.Context) error {
	if idx, ok := a.store.(storyIndex); ok && a.only == "" && !a.named && !a.unfinished && a.waiting == 0 {
		return corruptOnly(idx.SaveStories(ctx, a.stories))
	}
	return nil
}

// sidecarsOf returns the paths of the sidecar files the entries' folders
// may hold.
func sidecarsOf(es []Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range es {
		p := path.Join(path.Dir(e.Path), sidecarName)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// SaveStories implements storyIndex.
func (s *SQLite) SaveStories(ctx context.Context, stories []*Story) error {
	gen := s.listedGen
	if gen < 0 {
		return nil
	}
	var saved string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, storiesGenKey).Scan(&saved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if saved == strconv.FormatInt(gen, 10) {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var now int64
	if err := tx.QueryRowContext(ctx, `SELECT gen FROM state`).Scan(&now); err != nil || now != gen {
		return err // moved on: these stories are not of the index as it is
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories`); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO stories(num, name, folded, flags, ids) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	var ids []byte
	for i, st := range stories {
		flags := 0
		if st.Grouped {
			flags |= storyGrouped
		}
		if st.Alone {
			flags |= storyAlone
		}
		ids = ids[:0]
		for _, e := range st.Entries {
			ids = binary.AppendVarint(ids, e.ID)
		}
		if _, err := ins.ExecContext(ctx, i+1, st.Name, story.Fold(st.Name), flags, ids); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)`, storiesGenKey, strconv.FormatInt(gen, 10)); err != nil {
		return err
	}
	return tx.Commit()
}

// StoryEntries implements storyIndex, as Archive.FindStory finds a story
// (story.Pick): by number, by exact name (the first), or else by the one
// name that, ignoring case and accents, is it, else begins with it, else
// holds it. Anything else (no story, or several, or a number that is
// none's) is left to the whole archive, which says which.
func (s *SQLite) StoryEntries(ctx context.Context, name string) (*Story, []Entry, bool, error) {
	gen, ok, err := s.storiesGeneration(ctx)
	if err != nil || !ok {
		return nil, nil, false, err
	}
	var row *sql.Row
	num, isNum := story.Number(name)
	if isNum {
		row = s.db.QueryRowContext(ctx, `SELECT num, name, flags, ids FROM stories WHERE num = ?`, num)
	} else {
		row = s.db.QueryRowContext(ctx, `SELECT num, name, flags, ids FROM stories WHERE name = ? ORDER BY num LIMIT 1`, name)
	}
	st, ids, err := scanStory(row)
	if errors.Is(err, sql.ErrNoRows) && !isNum {
		num, ok, nerr := s.storyNamed(ctx, story.Fold(name))
		if nerr != nil || !ok {
			return nil, nil, false, nerr
		}
		st, ids, err = scanStory(s.db.QueryRowContext(ctx, `SELECT num, name, flags, ids FROM stories WHERE num = ?`, num))
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil, false, nil
	case err != nil:
		return nil, nil, false, err
	}
	st.Entries, err = s.entriesWhere(ctx, "id", ids)
	if err != nil || len(st.Entries) != len(ids) {
		return nil, nil, false, err
	}
	// In the order of their names, as the whole archive lists them.
	slices.SortFunc(st.Entries, func(x, y Entry) int { return corpus.CompareNames(x.Path, y.Path) })
	paths := sidecarsOf(st.Entries)
	args := make([]any, len(paths))
	for i, p := range paths {
		args[i] = p
	}
	sidecars, err := s.entriesWhere(ctx, "path", args)
	if err != nil {
		return nil, nil, false, err
	}
	skipped, err := s.skippedIn(ctx, storyFolders(st.Entries))
	if err != nil {
		return nil, nil, false, err
	}
	sidecars = append(sidecars, skipped...)
	// The rows were read in statements of their own: if the index moved
	// on meanwhile, they may be of either generation.
	if now, err := s.generation(ctx); err != nil || now != gen {
		return nil, nil, false, err
	}
	return st, sidecars, true, nil
}

// storyFolders returns the folders of es but the archive's root: a story
// folder's files are its story's, where the root's are every story's that
// is found by content.
func storyFolders(es []Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range es {
		if d := path.Dir(e.Path); d != "." && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// skippedIn returns the records of the files skipped directly in the
// folders dirs (empty, binary, unreadable, links to folders), read by a
// range of the index of paths: a file of a story's folder that is no
// article is still the story's, said as the whole archive says it, and
// one written in place since (an empty file filled) was left out of the
// story until the next full refresh.
func (s *SQLite) skippedIn(ctx context.Context, dirs []string) ([]Entry, error) {
	var out []Entry
	for _, d := range dirs {
		// '0' is the byte after '/': the range holds the paths under d.
		got, err := s.entryRows(ctx, `SELECT `+entryColumns+` FROM articles WHERE path > ? AND path < ? AND skipped = 1`, d+"/", d+"0")
		if err != nil {
			return nil, err
		}
		for _, e := range got {
			if path.Dir(e.Path) == d && path.Base(e.Path) != sidecarName {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// storyNamed returns the number of the one story whose folded name
// (story.Fold) is q, else begins with it, else holds it, as story.Named
// looks, and false when the first of these that any name answers is
// answered by several. The first two are ranges of the index of folded
// names (bytes of UTF-8 text are never 0xff, so the second range holds
// exactly the names with that prefix); the third reads that index
// through, a few thousand short names, never the articles: "gop" names
// "2014-11-29-gop-aide-…", whose start says little, and opened the whole
// archive to say so, seconds at 100,000 articles. The names are compared
// as bytes, as strings.Contains compares them.
func (s *SQLite) storyNamed(ctx context.Context, q string) (int64, bool, error) {
	if q == "" {
		return 0, false, nil // nothing visible names no story
	}
	for _, where := range []struct {
		cond string
		args []any
	}{
		{`folded = ?`, []any{q}},
		{`folded >= ? AND folded < ?`, []any{q, q + "\xff"}},
		{`instr(CAST(folded AS BLOB), ?) > 0`, []any{[]byte(q)}},
	} {
		rows, err := s.db.QueryContext(ctx, `SELECT num FROM stories WHERE `+where.cond+` LIMIT 2`, where.args...)
		if err != nil {
			return 0, false, err
		}
		nums, err := scanColumn[int64](rows)
		if err != nil {
			return 0, false, err
		}
		if len(nums) > 0 {
			return nums[0], len(nums) == 1, nil
		}
	}
	return 0, false, nil
}

// storiesGeneration returns the generation of the index, and whether the
// recorded stories were gathered from it.
func (s *SQLite) storiesGeneration(ctx context.Context) (int64, bool, error) {
	var gen int64
	var saved string
	err := s.db.QueryRowContext(ctx, `SELECT s.gen, m.value FROM state s, meta m WHERE m.key = ?`, storiesGenKey).Scan(&gen, &saved)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return gen, saved == strconv.FormatInt(gen, 10), nil
}

func scanStory(row *sql.Row) (*Story, []any, error) {
	var st Story
	var num int64
	var flags int
	var blob []byte
	if err := row.Scan(&num, &st.Name, &flags, &blob); err != nil {
		return nil, nil, err
	}
	st.Grouped, st.Alone, st.Number = flags&storyGrouped != 0, flags&storyAlone != 0, int(num)
	var ids []any
	for len(blob) > 0 {
		id, n := binary.Varint(blob)
		if n <= 0 {
			return nil, nil, errBadListing
		}
		ids = append(ids, id)
		blob = blob[n:]
	}
	return &st, ids, nil
}

// entriesWhere reads the entries whose column is one of values, sorted by
// path.
func (s *SQLite) entriesWhere(ctx context.Context, column string, values []any) ([]Entry, error) {
	var out []Entry
	err := inChunks(values, func(in string, args []any) error {
		got, err := s.entryRows(ctx, `SELECT `+entryColumns+` FROM articles WHERE `+column+` IN (`+in+`)`, args...)
		out = append(out, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// HasUngrouped implements storyIndex. A reader asks it of an index it
// opened a while ago (Archive.Stale), which a damaged one is marked to be
// rebuilt for.
func (s *SQLite) HasUngrouped(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM articles WHERE grp = 0 AND story = '' AND skipped = 0)`).Scan(&n)
	return n != 0, s.markDamaged(ctx, damagedPages, err)
}
