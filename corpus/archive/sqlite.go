package archive

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// schemaVersion changes whenever the tables or what is stored in them
// (the signature's hashing, say) change, and when the stories it holds
// would group otherwise (4: IDF's prior, see story.IDF; 5: each article
// finds its own heaviest terms in the other, see story.Score; 6: a page's
// furniture is left out of its terms, see story.GroupTerms; 7: two
// articles had to share a term of one event, a rule taken back in 10,
// see story.GroupDocuments), and when a file loads otherwise (8: a page
// that mixes UTF-8 with another encoding is read as UTF-8 and its
// replaced bytes are said; 9: a windows-1252 page's UTF-8 is read as
// UTF-8, and said; 11: a text file's, or an undeclared UTF-8 page's,
// windows-1252 bytes are read as windows-1252, and said; 12: so are a
// page's that declares UTF-8, and a page's escape sequences are dropped
// whole; 13: a page that declares UTF-8 but is mostly windows-1252 is
// read as windows-1252, and windows-1252 bytes that make UTF-8 by chance
// among stray ones are read as windows-1252; 14: a file whose name is not
// UTF-8 is read, not skipped; 15: a text file's control characters,
// escape sequences and bidi controls are dropped, as a page's are; 16: a
// first line under a front matter title that reads as a lead is prose;
// 17: so is one that ends on an ellipsis), and when what it says of a
// file changes (18: a file over the size limit is said to be so in one
// wording, without its size; 19: a text's soft hyphens are dropped, as
// its control characters are; 20: so are its zero-width spaces and word
// joiners, and its accents are composed; 21: YAML front matter with a
// list or a map in it, and TOML front matter, are read as front matter,
// not as text; 22: a meta.json value that is a number or a list is read,
// and one that is not text is ignored alone, not with the whole file; 23:
// a saved page with a NUL past its start loads, as extract reads it; 24:
// a text file in windows-1252 alone is said to be so, not to mix it with
// UTF-8; 25: French function words are left out of an article's terms,
// see story.GroupTerms, and stories' names are folded as story.Fold
// folds them; 26: a "Source:" line with prose after it, or naming a link,
// is no credit of the outlet; 27: a .md file's character references are
// read by its Markdown reader, not decoded before it; 28: the files
// directly in a folder whose name is no label as it is, an accent
// decomposed or two spaces in it, are grouped by content, not kept one
// story; 29: a saved page in Chinese or Japanese counts its words as
// the text model does, so a brief is an article, not a page with none,
// and a title ends at a line or paragraph separator, U+2028 or U+2029);
// an index of another version is rebuilt.
const schemaVersion = "29"

// busyTimeout is how long a connection waits for another process's lock
// before the index counts as locked. Another newsdiff refreshing the same
// archive holds it for one batch of writes at a time (putBatch records):
// about a second alone, but over 5 s while the two share the processors,
// and at 2 s the one that had begun first, outwaited, went on with a
// temporary index, rebuilt from nothing, and `newsdiff index` then failed
// with "index not kept" while the other finished the index.
const busyTimeout = 10 * time.Second

const schema = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL UNIQUE,
	size INTEGER NOT NULL,
	mtime INTEGER NOT NULL,
	hash BLOB,
	skipped INTEGER NOT NULL DEFAULT 0,
	problem TEXT NOT NULL DEFAULT '',
	article TEXT NOT NULL DEFAULT '',
	outlet TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	date TEXT NOT NULL DEFAULT '',
	words INTEGER NOT NULL DEFAULT 0,
	story TEXT NOT NULL DEFAULT '',
	grp INTEGER NOT NULL DEFAULT 0,
	terms BLOB, counts BLOB, shingles BLOB
);
CREATE INDEX articles_ungrouped ON articles(path) WHERE grp = 0 AND story = '' AND skipped = 0;
CREATE TABLE lsh(key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(key, article)) WITHOUT ROWID;
CREATE INDEX lsh_article ON lsh(article);
CREATE TABLE df(term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES ('automerge', 8);
INSERT INTO fts(fts, rank) VALUES ('hashsize', 67108864);
CREATE TABLE state(gen INTEGER NOT NULL);
INSERT INTO state VALUES (0);
CREATE TABLE listing(gen INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE dirs(path TEXT PRIMARY KEY, mtime INTEGER NOT NULL);
`

// SQLite is the Store in one SQLite file, through modernc.org/sqlite: pure
// Go, so newsdiff stays one binary with no C toolchain to build it.
type SQLite struct {
	db *sql.DB
	// listed is what this store last returned from Entries, to be brought
	// up to date by re-reading only the rows it has written since (see
	// listing.go).
	listed listed
	// listedGen is the generation of the listing Entries returned last,
	// or -1 when it is not known to be of one generation.
	listedGen int64
	// groupGen is the index's generation when the articles being grouped
	// were read (Ungrouped), advanced by this store's own SetGroups, or
	// -1 before any were read. A SetGroups that finds the index at
	// another generation has been outrun by another process writing it
	// (grouping the same articles, or putting them again), and fails
	// with errGroupedMeanwhile, as what it would write was grouped
	// against an index that is no more.
	groupGen int64
	// byArticle says that the indexes of articles by id and by outlet
	// are there, so that entries can be looked up by id, and outlets
	// listed, without reading every row (see lookup.go).
	byArticle bool
}

// OpenSQLite opens the index at path, creating it if it does not exist. It
// returns an error satisfying IsCorrupt or IsLocked when the file is not a
// usable index or another process holds it.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// 32 MiB of page cache: grouping keys arrive in random order, and
	// with SQLite's default 2 MiB most of their inserts read a page from
	// the file.
	q.Add("_pragma", "cache_size(-32768)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// One connection: the store is used from one goroutine at a time, and
	// SQLite writes one transaction at a time anyway.
	db.SetMaxOpenConns(1)
	s := &SQLite{db: db, listedGen: -1, groupGen: -1}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// errStaleSchema is an index written by another version of newsdiff.
var errStaleSchema = errors.New("index of another version")

// errMarkedDamaged is an index a read after opening found damaged (see
// markDamaged).
var errMarkedDamaged = errors.New("index marked damaged")

// markedDamaged is errMarkedDamaged with what was found damaged: "full
// text" or "pages".
type markedDamaged struct{ what string }

func (e markedDamaged) Error() string        { return errMarkedDamaged.Error() + ": " + e.what }
func (e markedDamaged) Is(target error) bool { return target == errMarkedDamaged }

// errGroupedMeanwhile says that another process wrote the index while
// this one grouped its articles (see SQLite.groupGen).
var errGroupedMeanwhile = errors.New("index written by another process while grouping")

// errCheckFailed is an index that Check found damaged.
var errCheckFailed = errors.New("index check found damage")

// errNotIndex is an SQLite database that is not newsdiff's index.
var errNotIndex = errors.New("not an index")

// errMadeMeanwhile says that another process made the index's tables
// while init waited to make them.
var errMadeMeanwhile = errors.New("index made meanwhile")

func (s *SQLite) init(ctx context.Context) error {
	var n, others int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE name = 'meta'), count(*) FROM sqlite_master`).Scan(&n, &others); err != nil {
		return err
	}
	if n == 0 && others > 0 {
		// A database of something else: making the index's tables in
		// it failed ("table articles already exists"), run after run.
		return errNotIndex
	}
	if n == 0 {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			// Asked again under the write lock: another process that
			// found no tables either may have made them while this
			// one waited for the lock, and making them again failed
			// ("table meta already exists") the second of two
			// commands run at once on a new folder.
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'meta'`).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return errMadeMeanwhile
			}
			if _, err := tx.ExecContext(ctx, schema+storiesSchema+lookupSchema); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO meta VALUES ('schema', ?)`, schemaVersion)
			s.byArticle = err == nil
			return err
		})
		if !errors.Is(err, errMadeMeanwhile) {
			return err
		}
	}
	var v string
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil {
		return err
	}
	if v != schemaVersion {
		return errStaleSchema
	}
	// An index made before the stories were kept gains their table. They
	// are a cache (storyindex.go): an index that cannot take it now, held
	// by another process, say, is used without it. One made before
	// articles were looked up by id, or by outlet, gains those indexes
	// when one first is (lookups).
	var stories, byArticle int
	var damaged sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sqlite_master WHERE name = 'stories'),
		(SELECT count(*) FROM sqlite_master WHERE name IN ('articles_article', 'articles_outlet')),
		(SELECT value FROM meta WHERE key = 'damaged')`).Scan(&stories, &byArticle, &damaged); err != nil {
		return err
	}
	if damaged.Valid {
		return markedDamaged{damaged.String}
	}
	s.byArticle = byArticle == 2
	if stories == 0 {
		s.db.ExecContext(ctx, storiesSchema)
	}
	return nil
}

// IsCorrupt reports whether err says the index file is damaged, is not an
// index, or was written by another version: the index is then rebuilt.
func IsCorrupt(err error) bool {
	if errors.Is(err, errStaleSchema) || errors.Is(err, errMarkedDamaged) || errors.Is(err, errNotIndex) || errors.Is(err, errCheckFailed) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_SCHEMA, sqlite3.SQLITE_FORMAT:
			return true
		}
	}
	// A damaged file can also fail as a query over tables that are not
	// there.
	return err != nil && strings.Contains(err.Error(), "no such table")
}

// corruptReason says in a few words why an index that IsCorrupt is to
// be rebuilt. SQLite's own message ("database disk image is malformed
// (11)", its code in brackets) is of its internals, not of the index a
// user keeps.
func corruptReason(err error) string {
	if errors.Is(err, errStaleSchema) {
		return "made by another version"
	}
	if m := (markedDamaged{}); errors.As(err, &m) && m.what != damagedFullText {
		return "unreadable"
	}
	if errors.Is(err, errMarkedDamaged) {
		return "its full text unreadable"
	}
	if errors.Is(err, errCheckFailed) {
		return "a check of its pages found damage"
	}
	var se *sqlite.Error
	if errors.Is(err, errNotIndex) || errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB {
		return "not an index"
	}
	if strings.Contains(err.Error(), "no such table") {
		return "tables missing"
	}
	return "unreadable"
}

// isStoreFailure reports whether err is SQLite's own, of opening, reading
// or writing the index's files.
func isStoreFailure(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se)
}

// storeWords says in a few words what SQLite's error err was, without its
// code: "disk I/O error (266)" is of SQLite, not of the index.
func storeWords(err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return words(err)
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CANTOPEN:
		return "it cannot be opened"
	case sqlite3.SQLITE_READONLY:
		return "it cannot be written"
	case sqlite3.SQLITE_IOERR:
		return "reading or writing it failed"
	case sqlite3.SQLITE_FULL:
		return "the disk is full"
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return "permission denied"
	case sqlite3.SQLITE_NOMEM:
		return "out of memory"
	}
	return "its database failed"
}

// checker is a Store that can read itself through for damage
// (Options.Check).
type checker interface {
	// Check returns an error satisfying IsCorrupt when the store is
	// damaged.
	Check(ctx context.Context) error
}

// Check implements checker by SQLite's quick_check, which reads every
// page of the file and checks the b-trees' structure, though not that
// the indexes agree with their tables: that is integrity_check, several
// times slower. It takes seconds at 100,000 articles.
func (s *SQLite) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA quick_check(1)`)
	if err != nil {
		return err
	}
	got, err := scanColumn[string](rows)
	switch {
	case err != nil:
		return err
	case len(got) != 1 || got[0] != "ok":
		return errCheckFailed
	}
	return nil
}

// IsLocked reports whether err says another process holds the index.
func IsLocked(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// tx runs f in a write transaction that also advances the index's
// generation, so that the listing blob of an earlier one is not used.
func (s *SQLite) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE state SET gen = gen + 1`); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.listed.commits++
	return nil
}

// inChunk is how many values one IN list holds: far below SQLite's limit
// on a statement's parameters.
const inChunk = 500

// inChunks calls each with values as arguments, at most inChunk at a
// time, and in, the placeholders of an IN list for them.
func inChunks[T any](values []T, each func(in string, args []any) error) error {
	for len(values) > 0 {
		n := min(inChunk, len(values))
		args := make([]any, n)
		for i, v := range values[:n] {
			args[i] = v
		}
		if err := each(strings.TrimSuffix(strings.Repeat("?,", n), ","), args); err != nil {
			return err
		}
		values = values[n:]
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// Hashes implements Store.
func (s *SQLite) Hashes(ctx context.Context, paths []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(paths))
	err := inChunks(paths, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT path, hash FROM articles WHERE hash IS NOT NULL AND path IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		return pairsInto(rows, out)
	})
	if err != nil {
		// Asked after opening too (Archive.ProblemVersions), of
		// pages a refresh may not read.
		return nil, s.markDamaged(ctx, damagedPages, err)
	}
	return out, nil
}

// Files returns the state of every file the index knows of, articles and
// skipped files alike.
func (s *SQLite) Files(ctx context.Context) ([]FileState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path, size, mtime, hash FROM articles`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FileState
	for rows.Next() {
		var f FileState
		var mtime int64
		if err := rows.Scan(&f.Path, &f.Size, &mtime, &f.Hash); err != nil {
			return nil, err
		}
		f.ModTime = time.Unix(0, mtime)
		out = append(out, f)
	}
	return out, rows.Err()
}

// Put implements Store.
func (s *SQLite) Put(ctx context.Context, recs []Record) error {
	for _, r := range recs {
		s.listed.changedPath(r.Path)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		// The records' old ids, asked for a few hundred paths at a time:
		// a query per record cost a first build of 100,000 articles a
		// second and a half, to find nothing.
		paths := make([]string, len(recs))
		for i, r := range recs {
			paths[i] = r.Path
		}
		olds, err := idsOf(ctx, tx, paths)
		if err != nil {
			return err
		}
		// The full-text rows go in after every article's: an INSERT OR
		// REPLACE between two of them would make FTS5 write out a segment.
		type ftsRow struct {
			id          int64
			title, text string
		}
		var search []ftsRow
		// searchAt is where an id's row is in search: a path put twice
		// in one Put is searched by its last text alone.
		searchAt := map[int64]int{}
		// The rows go in many to a statement (see bulkInsert), each
		// statement returning the ids it gave. A statement holds a path
		// once: a path put twice replaces the row put first, keeping its
		// id, as it would had the first been put before.
		var args []any
		var chunk []Record
		inChunk := map[string]bool{}
		insert := func() error {
			if len(chunk) == 0 {
				return nil
			}
			rows, err := tx.QueryContext(ctx, putStatement(len(chunk)), args...)
			if err != nil {
				return err
			}
			if err := pairsInto(rows, olds); err != nil {
				return err
			}
			for _, r := range chunk {
				id := olds[r.Path]
				if i, ok := searchAt[id]; ok {
					search[i] = ftsRow{} // replaced: no id is 0
					delete(searchAt, id)
				}
				if !r.Skipped {
					searchAt[id] = len(search)
					search = append(search, ftsRow{id, ftsText(r.Title), ftsText(r.Text)})
				}
			}
			args, chunk = args[:0], chunk[:0]
			clear(inChunk)
			return nil
		}
		for _, r := range recs {
			if len(chunk) == putRows || inChunk[r.Path] {
				if err := insert(); err != nil {
					return err
				}
			}
			var id sql.NullInt64
			if old, ok := olds[r.Path]; ok {
				id = sql.NullInt64{Int64: old, Valid: true}
				if err := forget(ctx, tx, old); err != nil {
					return err
				}
				if err := uncount(ctx, tx, old); err != nil {
					return err
				}
			}
			args = append(args, id, r.Path, r.Size, r.ModTime.UnixNano(), r.Hash, r.Skipped, r.Problem,
				r.ID, r.Outlet, r.Title, r.URL, r.Date, r.Words, r.Story, 0,
				u32s(r.Sig.Terms), u16s(r.Sig.Counts), u32s(r.Sig.Shingles))
			chunk = append(chunk, r)
			inChunk[r.Path] = true
		}
		if err := insert(); err != nil {
			return err
		}
		fts := newBulkInsert(tx, `INSERT INTO fts(rowid, title, body)`, "", 3, ftsBatch)
		for _, r := range search {
			if r.id == 0 {
				continue
			}
			if err := fts.add(ctx, r.id, r.title, r.text); err != nil {
				return err
			}
		}
		return fts.flush(ctx)
	})
}

// putRows is how many articles one statement of Put inserts: their 18
// values a row stay far below SQLite's limit on a statement's parameters.
const putRows = 500

// putStatement inserts or replaces n articles, returning their paths and
// ids. Its rows are written as bulkInsert writes them; Put runs it itself
// to read what it returns.
func putStatement(n int) string {
	b := bulkInsert{head: `INSERT OR REPLACE INTO articles
		(id, path, size, mtime, hash, skipped, problem, article, outlet, title, url, date, words, story, grp, terms, counts, shingles)`,
		tail: `RETURNING path, id`, width: 18}
	return b.statement(n)
}

// idsOf returns the ids of the articles at paths that the index holds.
func idsOf(ctx context.Context, tx *sql.Tx, paths []string) (map[string]int64, error) {
	out := make(map[string]int64)
	err := inChunks(paths, func(in string, args []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT path, id FROM articles WHERE path IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		return pairsInto(rows, out)
	})
	return out, err
}

// pairsInto reads a result of two columns into m, the first the key and
// the second its value, and closes rows.
func pairsInto[K comparable, V any](rows *sql.Rows, m map[K]V) error {
	defer rows.Close()
	for rows.Next() {
		var k K
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		m[k] = v
	}
	return rows.Err()
}

// ftsBatch is how many articles one statement adds to the full-text
// index: FTS5 writes out a segment per statement (see bulkInsert), so a
// Put of a refresh's putBatch records makes one segment, not five. The
// segment is one only while the terms pending fit in FTS5's hash table,
// which the schema sets to 64 MiB ('hashsize'): at the default 1 MiB a
// 100,000-article build wrote a segment every few dozen articles, and
// merging them again was a fifth of the full-text index's cost: one
// segment a Put took 6% off that build's CPU time, for 32 MB more at its
// peak. Longer articles only fill the table sooner and write segments
// more often, as before.
// 3 × 5000 parameters stay below SQLite's limit of 32,766.
const ftsBatch = putBatch

// keyBatch is how many rows one statement adds to the grouping keys or
// the document frequencies.
const keyBatch = 1000

// forget removes what other tables hold of article id.
func forget(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM lsh WHERE article = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM fts WHERE rowid = ?`, id)
	return err
}

// uncount takes the terms of the article id out of the document
// frequencies when it was grouped, as Delete does, for a record put over
// it: a refresh deletes the records it replaces first, but another
// newsdiff refreshing the archive at once may have grouped the article
// since this one listed it, and its terms were then counted twice,
// weighing every later grouping wrong.
func uncount(ctx context.Context, tx *sql.Tx, id int64) error {
	var grp int64
	var terms []byte
	switch err := tx.QueryRowContext(ctx, `SELECT grp, terms FROM articles WHERE id = ?`, id).Scan(&grp, &terms); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	if grp == 0 {
		return nil // never counted
	}
	down, err := prepareCountDown(ctx, tx)
	if err != nil {
		return err
	}
	return down.terms(ctx, terms)
}

// Touch implements Store.
func (s *SQLite) Touch(ctx context.Context, files []FileState) error {
	for _, f := range files {
		s.listed.changedPath(f.Path)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		up, err := tx.PrepareContext(ctx, `UPDATE articles SET mtime = ?, size = ? WHERE path = ?`)
		if err != nil {
			return err
		}
		for _, f := range files {
			if _, err := up.ExecContext(ctx, f.ModTime.UnixNano(), f.Size, f.Path); err != nil {
				return err
			}
		}
		return nil
	})
}

// Delete implements Store.
func (s *SQLite) Delete(ctx context.Context, paths []string) error {
	for _, p := range paths {
		s.listed.changedPath(p)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		get, err := tx.PrepareContext(ctx, `SELECT id, grp, terms FROM articles WHERE path = ?`)
		if err != nil {
			return err
		}
		del, err := tx.PrepareContext(ctx, `DELETE FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		down, err := prepareCountDown(ctx, tx)
		if err != nil {
			return err
		}
		for _, p := range paths {
			var id, grp int64
			var terms []byte
			switch err := get.QueryRowContext(ctx, p).Scan(&id, &grp, &terms); {
			case errors.Is(err, sql.ErrNoRows):
				continue
			case err != nil:
				return err
			}
			if err := forget(ctx, tx, id); err != nil {
				return err
			}
			if _, err := del.ExecContext(ctx, id); err != nil {
				return err
			}
			if grp == 0 {
				continue // never counted
			}
			if err := down.terms(ctx, terms); err != nil {
				return err
			}
		}
		return nil
	})
}

// countDown takes an article's terms out of the document frequencies.
type countDown struct{ dec, drop *sql.Stmt }

func prepareCountDown(ctx context.Context, tx *sql.Tx) (countDown, error) {
	dec, err := tx.PrepareContext(ctx, `UPDATE df SET n = n - 1 WHERE term = ?`)
	if err != nil {
		return countDown{}, err
	}
	// Only the terms counted down may have reached zero: scanning the
	// whole table for them would cost every refresh that deletes a file
	// a pass over some hundred thousand terms.
	drop, err := tx.PrepareContext(ctx, `DELETE FROM df WHERE term = ? AND n <= 0`)
	return countDown{dec, drop}, err
}

// terms counts down each of terms, an article's as stored.
func (c countDown) terms(ctx context.Context, terms []byte) error {
	for _, t := range fromU32s(terms) {
		if _, err := c.dec.ExecContext(ctx, int64(t)); err != nil {
			return err
		}
		if _, err := c.drop.ExecContext(ctx, int64(t)); err != nil {
			return err
		}
	}
	return nil
}

// Ungrouped implements Store. It notes the generation the articles were
// read at, read before and after them, and read again when another
// process wrote in between; it fails with errGroupedMeanwhile when
// another process wrote the index since the listing Entries returned.
func (s *SQLite) Ungrouped(ctx context.Context) ([]Signature, error) {
	for {
		before, err := s.generation(ctx)
		if err != nil {
			return nil, err
		}
		sigs, err := s.signatures(ctx, `SELECT id, grp, terms, counts, shingles FROM articles
			WHERE grp = 0 AND story = '' AND skipped = 0 ORDER BY path`)
		if err != nil {
			return nil, err
		}
		after, err := s.generation(ctx)
		if err != nil {
			return nil, err
		}
		if before != after {
			continue
		}
		// The refresh counts the groups there were from the listing
		// Entries returned: if another process wrote the index since,
		// grouped articles of it say, the counts are not of these
		// articles' index, and grouping would not look for the stories
		// the other made.
		if l := &s.listed; l.paths != nil && after != l.gen+l.commits {
			return nil, errGroupedMeanwhile
		}
		s.groupGen = after
		return sigs, nil
	}
}

// Signatures implements Store.
func (s *SQLite) Signatures(ctx context.Context, ids []int64) ([]Signature, error) {
	var out []Signature
	err := inChunks(ids, func(in string, args []any) error {
		sigs, err := s.signatures(ctx, `SELECT id, grp, terms, counts, shingles FROM articles WHERE id IN (`+in+`)`, args...)
		out = append(out, sigs...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *SQLite) signatures(ctx context.Context, query string, args ...any) ([]Signature, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Signature
	for rows.Next() {
		var sig Signature
		var terms, counts, shingles []byte
		if err := rows.Scan(&sig.ID, &sig.Group, &terms, &counts, &shingles); err != nil {
			return nil, err
		}
		sig.Terms, sig.Counts, sig.Shingles = fromU32s(terms), fromU16s(counts), fromU32s(shingles)
		out = append(out, sig)
	}
	return out, rows.Err()
}

// Neighbours implements Store.
func (s *SQLite) Neighbours(ctx context.Context, keys []uint64, perKey int) ([][]int64, error) {
	st, err := s.db.PrepareContext(ctx, `SELECT article FROM lsh WHERE key = ? ORDER BY article DESC LIMIT ?`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	out := make([][]int64, len(keys))
	for i, k := range keys {
		rows, err := st.QueryContext(ctx, int64(k), perKey)
		if err != nil {
			return nil, err
		}
		if out[i], err = scanColumn[int64](rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SetGroups implements Store.
func (s *SQLite) SetGroups(ctx context.Context, gs []Grouping, df map[uint32]int32) error {
	for _, g := range gs {
		s.listed.changedID(g.ID)
	}
	var gen int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT gen FROM state`).Scan(&gen); err != nil {
			return err
		}
		if s.groupGen >= 0 && gen != s.groupGen {
			return errGroupedMeanwhile
		}
		// The groups are set many articles to a statement, as rows are
		// inserted (see bulkInsert): a statement per article was a tenth
		// of writing the groupings.
		up := newBulkInsert(tx, `UPDATE articles SET grp = v.column2 FROM (`, `) AS v WHERE articles.id = v.column1`, 2, keyBatch)
		key := newBulkInsert(tx, `INSERT OR IGNORE INTO lsh(key, article)`, "", 2, keyBatch)
		add := newBulkInsert(tx, `INSERT INTO df(term, n)`, `ON CONFLICT(term) DO UPDATE SET n = n + excluded.n`, 2, keyBatch)
		for t, n := range df {
			if err := add.add(ctx, int64(t), n); err != nil {
				return err
			}
		}
		if err := add.flush(ctx); err != nil {
			return err
		}
		// Keys in key order, so that inserts walk the index's pages in
		// order instead of jumping about.
		type row struct {
			key uint64
			id  int64
		}
		var rows []row
		for _, g := range gs {
			if err := up.add(ctx, g.ID, g.Group); err != nil {
				return err
			}
			for _, k := range g.Keys {
				rows = append(rows, row{k, g.ID})
			}
		}
		if err := up.flush(ctx); err != nil {
			return err
		}
		slices.SortFunc(rows, func(a, b row) int {
			if c := cmp.Compare(int64(a.key), int64(b.key)); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		for _, r := range rows {
			if err := key.add(ctx, int64(r.key), r.id); err != nil {
				return err
			}
		}
		return key.flush(ctx)
	})
	if err == nil && s.groupGen >= 0 {
		s.groupGen = gen + 1 // as tx advanced it
	}
	return err
}

// DocFreq implements Store.
func (s *SQLite) DocFreq(ctx context.Context) (map[uint32]int32, int, error) {
	var docs int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE grp != 0 AND story = '' AND skipped = 0`).Scan(&docs); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT term, n FROM df`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	df := make(map[uint32]int32)
	for rows.Next() {
		var t int64
		var n int32
		if err := rows.Scan(&t, &n); err != nil {
			return nil, 0, err
		}
		df[uint32(t)] = n
	}
	return df, docs, rows.Err()
}

// DirTimes implements Store.
func (s *SQLite) DirTimes(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path, mtime FROM dirs`)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	if err := pairsInto(rows, out); err != nil {
		return nil, err
	}
	return out, nil
}

// SetDirTimes implements Store. The directory times are no part of the
// listing, so writing them leaves the generation alone.
func (s *SQLite) SetDirTimes(ctx context.Context, times map[string]int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM dirs`); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO dirs(path, mtime) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	for p, t := range times {
		if _, err := ins.ExecContext(ctx, p, t); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// DocFreqOf implements Store.
func (s *SQLite) DocFreqOf(ctx context.Context, terms []uint32) (map[uint32]int32, error) {
	out := make(map[uint32]int32, len(terms))
	// As int64, the integer type the driver takes.
	wide := make([]int64, len(terms))
	for i, t := range terms {
		wide[i] = int64(t)
	}
	err := inChunks(wide, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT term, n FROM df WHERE term IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t int64
			var c int32
			if err := rows.Scan(&t, &c); err != nil {
				return err
			}
			out[uint32(t)] = c
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Entries implements Store. It decodes the listing blob when the index has
// not changed since it was written; when only this store changed it, it
// re-reads the rows it wrote into the listing it returned last; otherwise
// it reads every row. Either of the last two writes the blob for the next
// time (see listing.go).
func (s *SQLite) Entries(ctx context.Context) ([]Entry, error) {
	es, gen, ok, err := s.savedListing(ctx)
	if err != nil {
		return nil, err
	}
	s.listedGen = -1
	if ok {
		s.listed.reset(es, gen)
		s.listedGen = gen
		return es, nil
	}
	if gen, err = s.generation(ctx); err != nil {
		return nil, err
	}
	// Rows are read again by path or id only while they are few: past a
	// quarter of the listing, one pass over the table costs less.
	l := &s.listed
	if l.entries != nil && gen == l.gen+l.commits && 4*(len(l.paths)+len(l.ids)) < len(l.entries) {
		es, err = s.updatedListing(ctx)
	} else {
		es, err = s.entryRows(ctx, `SELECT `+entryColumns+` FROM articles`)
	}
	if err != nil {
		return nil, err
	}
	// The rows were read in transactions of their own: if the index moved
	// on meanwhile, they may be of either generation, and are not kept.
	if now, err := s.generation(ctx); err == nil && now == gen {
		if err := s.saveListing(ctx, gen, es); err != nil {
			return nil, err
		}
		s.listed.reset(es, gen)
		s.listedGen = gen
	}
	return es, nil
}

// entryColumns are the columns of an Entry, in entryRows' order.
const entryColumns = `id, path, article, outlet, title, url, date, words, story, grp, problem, skipped, size, mtime`

// updatedListing is the listing last returned with the rows this store has
// written since read again.
func (s *SQLite) updatedListing(ctx context.Context) ([]Entry, error) {
	l := &s.listed
	paths := make([]any, 0, len(l.paths))
	for p := range l.paths {
		paths = append(paths, p)
	}
	ids := make([]any, 0, len(l.ids))
	for id := range l.ids {
		ids = append(ids, id)
	}
	fresh, err := s.entriesWhere(ctx, "path", paths)
	if err != nil {
		return nil, err
	}
	grouped, err := s.entriesWhere(ctx, "id", ids)
	if err != nil {
		return nil, err
	}
	fresh = append(fresh, grouped...)
	// A row both written and grouped was read twice.
	byPath := func(a, b Entry) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(fresh, byPath)
	fresh = slices.CompactFunc(fresh, func(a, b Entry) bool { return a.Path == b.Path })
	// The rows not written, in path order, merged with the fresh ones:
	// not sorted again.
	out := make([]Entry, 0, len(l.entries)+len(fresh))
	for _, e := range l.entries {
		if l.paths[e.Path] || l.ids[e.ID] {
			continue
		}
		for len(fresh) > 0 && byPath(fresh[0], e) < 0 {
			out, fresh = append(out, fresh[0]), fresh[1:]
		}
		out = append(out, e)
	}
	return append(out, fresh...), nil
}

// entryRows reads the entries query selects (entryColumns), sorted by path.
func (s *SQLite) entryRows(ctx context.Context, query string, args ...any) ([]Entry, error) {
	// In the table's own order, sorted afterwards: ordering by path would
	// walk the path index and fetch every row from elsewhere in the file.
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var mtime int64
		if err := rows.Scan(&e.ID, &e.Path, &e.Article, &e.Outlet, &e.Title, &e.URL, &e.Date, &e.Words, &e.Story, &e.Group, &e.Problem, &e.Skipped, &e.Size, &mtime); err != nil {
			return nil, err
		}
		e.ModTime = time.Unix(0, mtime)
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return out, rows.Err()
}

// Search implements Store. The query is taken as words, never as FTS5
// syntax: each is quoted, so that a reader's "/" filter cannot fail on a
// stray quote or operator.
func (s *SQLite) Search(ctx context.Context, query string, limit int) ([]int64, error) {
	q := ftsQuery(query)
	if q == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?`, q, limit)
	if err != nil {
		return nil, s.searchFailed(ctx, err)
	}
	ids, err := scanColumn[int64](rows)
	return ids, s.searchFailed(ctx, err)
}

// searchFailed marks the index to be rebuilt when err says that its full
// text is damaged, and returns err. Nothing else reads the full text: a
// listing, a refresh and newsdiff index found such an index sound, and
// every search of it failed, run after run.
func (s *SQLite) searchFailed(ctx context.Context, err error) error {
	return s.markDamaged(ctx, damagedFullText, err)
}

// What markDamaged records as found damaged.
const (
	damagedFullText = "full text"
	damagedPages    = "pages"
)

// markDamaged marks the index to be rebuilt on its next opening when err,
// of a read made after opening it, says that it is damaged, and returns
// err: the index is not rebuilt under the reader that has it open, and a
// command that opens it next might not read where the damage is.
func (s *SQLite) markDamaged(ctx context.Context, what string, err error) error {
	if err != nil && IsCorrupt(err) {
		s.db.ExecContext(context.WithoutCancel(ctx), `INSERT OR REPLACE INTO meta VALUES ('damaged', ?)`, what)
	}
	return err
}

// markedDamaged implements damageMarker.
func (s *SQLite) markedDamaged(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM meta WHERE key = 'damaged'`).Scan(&n)
	return n > 0, err
}

func u32s(v []uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func fromU32s(b []byte) []uint32 {
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v
}

func u16s(v []uint16) []byte {
	b := make([]byte, 2*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint16(b[2*i:], x)
	}
	return b
}

func fromU16s(b []byte) []uint16 {
	v := make([]uint16, len(b)/2)
	for i := range v {
		v[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return v
}
