package archive

import (
	"context"
	"iter"
	"math"
	"path"
	"slices"
	"strings"
)

// A command that names two articles of a large archive (diff --dir A B)
// needs their two rows, not the listing of 100,000: reading and decoding
// the listing and gathering it into stories was nearly all of such a
// command's time, 445 ms at 100,000 articles against 16 ms for a story
// opened alone (storyindex.go). So Options.Lookup finds its articles
// through a Finder, which asks the index by id and by path, and the
// archive is opened on them alone when, as for a story, no directory of
// the archive has gained or lost an entry since the last full refresh and
// none of their files (nor the sidecars beside them) changed, with no
// article waiting to be grouped. Anything else (a name the lookup cannot
// settle, a file changed, a directory changed, another process writing
// meanwhile) falls back to the focused refresh over the whole listing
// (focus.go), which finds the same articles, or to a full refresh.

// lookupSchema is created on opening an index that lacks it, so that an
// index made before it is kept. It indexes skipped files too, whose id is
// empty: an index only of articles (WHERE skipped = 0) was taken by
// SQLite's planner for any query on articles alone, and HasUngrouped
// then walked it through every row of the table: 650 ms at 100,000
// articles.
//
// The index of outlets tells that no article has an outlet a name could
// be (Finder.Outlets): without it, a name no article had, a typo, could
// be told from an outlet only by refreshing the whole archive, a second
// at 100,000 articles, to say that it names nothing.
const lookupSchema = `
CREATE INDEX IF NOT EXISTS articles_article ON articles(article);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
`

// Field is what a Key selects entries by.
type Field int

const (
	// ByArticle selects entries by their article's id (Entry.Article).
	ByArticle Field = iota
	// ByPath selects them by their path in the archive (Entry.Path).
	ByPath
)

// Key selects the entries whose Field is Value, or, with Prefix, begins
// with it.
type Key struct {
	Field  Field
	Value  string
	Prefix bool
}

// A Finder looks articles up in an archive's index without its listing.
type Finder interface {
	// Find returns the articles (skipped files left out) that any of
	// keys selects, each once, in path order: all of them, or, when
	// there are more than limit, limit of them (which ones is not said)
	// and complete false.
	Find(ctx context.Context, keys []Key, limit int) (es []Entry, complete bool, err error)
	// Outlets returns every outlet the index holds, each once, in no
	// order; a skipped file's may be among them.
	Outlets(ctx context.Context) ([]string, error)
}

// lookupIndex is what a Store may offer so that an archive can be opened
// on a few articles found by Options.Lookup. It is optional: a store
// without it opens them through its listing.
type lookupIndex interface {
	storyIndex
	// lookups reports whether entries can be looked up by id without
	// reading every row.
	lookups(ctx context.Context) bool
	// findEntries returns up to limit articles (skipped files left out)
	// that k selects, in no order.
	findEntries(ctx context.Context, k Key, limit int) ([]Entry, error)
	// entriesAt returns the entries, skipped files too, at those of
	// paths the index holds, in path order.
	entriesAt(ctx context.Context, paths []string) ([]Entry, error)
	// generation is the index's write generation: it moves on with every
	// write to the articles.
	generation(ctx context.Context) (int64, error)
	// outlets returns the outlets of the index's rows, each once.
	outlets(ctx context.Context) ([]string, error)
}

// finder is a Finder over a store's index.
type finder struct{ idx lookupIndex }

// Find implements Finder.
func (f finder) Find(ctx context.Context, keys []Key, limit int) ([]Entry, bool, error) {
	var out []Entry
	complete := true
	for _, k := range keys {
		// One more than asked for tells whether there were more.
		es, err := f.idx.findEntries(ctx, k, limit+1)
		if err != nil {
			return nil, false, err
		}
		if len(es) > limit {
			complete = false
		}
		out = append(out, es...)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	out = slices.CompactFunc(out, func(a, b Entry) bool { return a.Path == b.Path })
	if len(out) > limit {
		out, complete = out[:limit], false
	}
	return out, complete, nil
}

// Outlets implements Finder.
func (f finder) Outlets(ctx context.Context) ([]string, error) { return f.idx.outlets(ctx) }

// openNamed opens the archive on the articles opts.Lookup finds alone, when
// the index can find them and none of their files changed. It reports
// false, having changed nothing, when the archive is to be refreshed
// otherwise.
func (a *Archive) openNamed(ctx context.Context, opts Options) (bool, error) {
	idx, ok := a.store.(lookupIndex)
	if !ok || !idx.lookups(ctx) {
		return false, nil
	}
	if same, err := a.dirsUnchanged(ctx); err != nil || !same {
		return false, err
	}
	gen, err := idx.generation(ctx)
	if err != nil {
		return false, err
	}
	found, ok, err := opts.Lookup(ctx, finder{idx})
	if err != nil || !ok || len(found) == 0 {
		return false, err
	}
	sidecars, err := idx.entriesAt(ctx, sidecarsOf(found))
	if err != nil {
		return false, err
	}
	entries := append(sidecars, found...)
	if ok, err := a.settled(ctx, idx, entries); err != nil || !ok {
		return false, err
	}
	// The rows were read in statements of their own: if the index moved
	// on meanwhile, they may be of either generation.
	if now, err := idx.generation(ctx); err != nil || now != gen {
		return false, err
	}
	a.setListing(entries)
	a.stories = nil
	a.named = true
	return true, nil
}

// lookups implements lookupIndex. An index made before articles were
// looked up by id gains the index that looks them up the first time one
// is, rather than on opening: it is a pass over the whole table (1.4 s of
// CPU at 100,000 articles, once), which a command that never looks an
// article up (the reader, list) need not pay. One that cannot take it
// now, held by another process, say, is used without it.
func (s *SQLite) lookups(ctx context.Context) bool {
	if !s.byArticle {
		_, err := s.db.ExecContext(ctx, lookupSchema)
		s.byArticle = err == nil
	}
	return s.byArticle
}

// findEntries implements lookupIndex. A prefix is a range of the column's
// index: every value from the prefix up to, not including, the prefix
// with its last byte that can be raised raised.
func (s *SQLite) findEntries(ctx context.Context, k Key, limit int) ([]Entry, error) {
	col := "article"
	if k.Field == ByPath {
		col = "path"
	}
	where, args := col+" = ?", []any{k.Value}
	if k.Prefix {
		where = col + " >= ?"
		if end, ok := prefixEnd(k.Value); ok {
			where += " AND " + col + " < ?"
			args = append(args, end)
		}
	}
	args = append(args, limit)
	return s.entryRows(ctx, `SELECT `+entryColumns+` FROM articles WHERE `+where+` AND skipped = 0 LIMIT ?`, args...)
}

// prefixEnd returns the least string greater than every string that begins
// with p, and false when there is none (p is empty or all 0xff bytes).
func prefixEnd(p string) (string, bool) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// outlets implements lookupIndex: every row's outlet, skipped files'
// included, which the index of outlets alone answers, with no row read.
func (s *SQLite) outlets(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT outlet FROM articles`)
	if err != nil {
		return nil, err
	}
	return scanColumn[string](rows)
}

// entriesAt implements lookupIndex.
func (s *SQLite) entriesAt(ctx context.Context, paths []string) ([]Entry, error) {
	args := make([]any, len(paths))
	for i, p := range paths {
		args[i] = p
	}
	return s.entriesWhere(ctx, "path", args)
}

// Namesakes returns the articles of the archive (skipped files left out)
// whose path is that of one of es but for its extension, es among them,
// in path order: a.md beside a.txt, which a command names by their file
// names rather than by the id they share. An archive opened on some of its
// articles alone (Options.Story, Options.Lookup) asks its index for them,
// as they may be in stories it does not hold; one that holds them all
// looks through its listing.
func (a *Archive) Namesakes(ctx context.Context, es []Entry) ([]Entry, error) {
	names := map[string]bool{}
	for _, e := range es {
		names[withoutExt(e.Path)] = true
	}
	var found iter.Seq[Entry] = a.All()
	if idx, ok := a.store.(lookupIndex); ok && (a.only != "" || a.named) {
		// Each name itself, or followed by a dot and anything: "a.b.txt"
		// among them, which the names left out.
		keys := make([]Key, 0, 2*len(names))
		for n := range names {
			keys = append(keys, Key{Field: ByPath, Value: n}, Key{Field: ByPath, Value: n + ".", Prefix: true})
		}
		es, _, err := finder{idx}.Find(ctx, keys, math.MaxInt32)
		if err != nil {
			return nil, err
		}
		found = slices.Values(es)
	}
	var out []Entry
	for e := range found {
		if names[withoutExt(e.Path)] {
			out = append(out, e)
		}
	}
	return out, nil
}

// withoutExt is p without its extension.
func withoutExt(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }
