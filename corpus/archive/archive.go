// Package archive keeps a persistent index of a directory of articles, so
// that an archive of a hundred thousand articles opens without reading
// them: per file its size, modification time and content hash, the
// article's metadata, its story, what story grouping needs (hashed content
// terms and shingles, and the keys it is filed under) and a full-text
// index of titles and text.
//
// Opening an archive refreshes the index incrementally: files added or
// changed since (by size and modification time, then by hash) are read and
// segmented by a bounded pool of workers, deleted ones are dropped, and new
// articles are grouped into stories one at a time (see group.go). Articles
// themselves are read only when asked for, and kept in a cache bounded in
// bytes, with the comparisons made of them.
//
// The index lives behind the small Store interface; SQLite (through
// modernc.org/sqlite, pure Go) is the one implementation here. The package
// knows files, stories and the index, and nothing of terminals: every
// string it returns that came from a file must be made safe by its caller
// before it is shown.
//
// sqlite.go runs past 600 lines because it is the whole of the one Store
// implementation, schema and queries, which change together; refresh.go is
// one refresh in the order it runs (scan, read, write, group), each step
// reading what the one before left.
package archive

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// IndexDir is the directory, inside an archive, that holds its index.
const IndexDir = ".newsdiff"

// indexFile is the index's file name.
const indexFile = "index.db"

// DefaultCacheBytes is how much memory, roughly, read articles and their
// comparisons may hold, counted as compare.ArticleBytes and
// Comparison.Bytes count them: a few thousand typical articles, what 256
// MiB held when an article was counted at 32 bytes per byte of text
// instead of today's 7.
const DefaultCacheBytes = 56 << 20

// Options change how an archive is opened.
type Options struct {
	// IndexPath is where the index is kept. By default it is
	// DIR/.newsdiff/index.db, or, when DIR cannot be written, a file in
	// the user's cache directory named after DIR's absolute path, or,
	// with no cache directory either, a temporary index for this run
	// (see placeIndex).
	IndexPath string
	// Workers is how many files are read at once; by default one per
	// processor.
	Workers int
	// Progress, if set, is called as the refresh goes, from one goroutine.
	Progress func(Progress)
	// CacheBytes bounds the memory of read articles and comparisons;
	// DefaultCacheBytes if zero.
	CacheBytes int64
	// NoRefresh opens the index as it is, without looking at the files.
	NoRefresh bool
	// Check reads every page of the index through before using it, when
	// its store can (see checker), and rebuilds it, with a warning, when
	// any is damaged. A command finds damage only where it reads or
	// writes, and a listing reads a few pages of an index, so an index
	// damaged in its middle was used run after run until a refresh wrote
	// there; checking takes seconds at 100,000 articles, a price for
	// `newsdiff index` alone.
	Check bool
	// Focus, when set, names the articles the caller will use, given the
	// archive as the index last listed it: the articles of one story
	// (FocusStory), the two a diff compares. When no directory of the
	// archive has gained or lost an entry since the last full refresh,
	// only their files are checked for changes; files elsewhere edited in
	// place are picked up by the next full refresh (see focus.go). An
	// error from Focus makes the refresh a full one.
	Focus func(*Archive) ([]Entry, error)
	// Story, when set, names the one story the caller will use, as
	// FindStory takes it. When the index can say which story it is
	// without reading the whole listing, and none of the story's files
	// and no directory of the archive changed since the last full
	// refresh, the archive is opened on that story alone: Stories, All
	// and Problems hold it only, and FindStory finds it by this name.
	// Otherwise it is opened as with Focus: FocusStory(Story), and holds
	// every story. See storyindex.go.
	Story string
	// Lookup, when set, finds the articles the caller will use through
	// the index alone (see lookup.go), and reports false when it cannot
	// tell which they are. When it finds them, no directory of the
	// archive has gained or lost an entry since the last full refresh,
	// and none of their files changed, the archive is opened on them
	// alone: All and Problems hold them only, and Stories and FindStory
	// none. Otherwise it is opened as with Focus, which should name the
	// same articles. An error it returns fails Open: a name the index
	// shows no article has, say.
	Lookup func(ctx context.Context, f Finder) ([]Entry, bool, error)
	// OpenStore opens the store the index lives in; OpenSQLite when nil.
	// Its errors should satisfy IsCorrupt and IsLocked where they apply.
	OpenStore func(ctx context.Context, path string) (Store, error)
}

// Archive is an indexed directory of articles.
type Archive struct {
	root      string
	indexPath string
	store     Store
	temp      string // a temporary index to remove on Close, if any
	warnings  []notice
	note      notice // see IndexNote
	entries   []Entry
	byID      map[int64]int // entry index by store id
	stories   []*Story
	cache     *Cache
	// only is the name the archive was opened on (Options.Story) when it
	// holds that story alone.
	only string
	// named says that the archive holds only the articles Options.Lookup
	// found, in no story.
	named bool
	// changed says that opening found files added, changed or removed
	// since the index last saw them, and brought it up to date.
	changed bool
	// touched holds the paths of the files opening found with a new
	// modification time and the bytes the index had (see Touched).
	touched map[string]bool
	// waiting counts the listed articles waiting to be grouped (see
	// load); unfinished says that the index was listed as it was, and
	// its building had not finished (see Unfinished).
	waiting    int
	unfinished bool
	// listings counts the listings the archive has held (see Listings).
	listings int
}

// Story is one story of an archive: the articles one directory or one
// story name holds, or a group of articles that report one event.
type Story struct {
	Name string
	// Grouped is set when the story was found by content rather than
	// named; Alone when such a story has a single article, which a listing
	// shows under "not grouped".
	Grouped, Alone bool
	Entries        []Entry
	// Number is the story's place among the archive's stories, from 1:
	// the number FindStory takes and a listing heads it with. An archive
	// opened on one story alone (Options.Story) holds only that story,
	// numbered as among all of them, as the index recorded it.
	Number int
}

// Open opens the archive at dir, creating or refreshing its index. A
// damaged index, or one of another version, is rebuilt; one that another
// process holds is replaced by a temporary index for this run. Either way
// a warning says so, and Open goes on.
func Open(ctx context.Context, dir string, opts Options) (*Archive, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	info, err := corpus.Stat(root)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	// A folder that cannot be listed fails here, naming the folder: later,
	// an index would have been placed for it (in the cache directory, or a
	// temporary one with a warning, as it cannot be written either) and
	// the error would have named that index.
	if err := listable(root); err != nil {
		return nil, err
	}
	a := &Archive{root: root}
	a.indexPath = opts.IndexPath
	if a.indexPath == "" {
		if err := a.placeIndex(); err != nil {
			return nil, err
		}
	}
	if err := a.open(ctx, opts); err != nil {
		// A temporary index is this run's alone: nothing will open it
		// again, nor Close it.
		if a.temp != "" {
			RemoveIndex(a.temp)
		}
		return nil, err
	}
	limit := opts.CacheBytes
	if limit <= 0 {
		limit = DefaultCacheBytes
	}
	a.cache = NewCache(limit)
	return a, nil
}

// open opens the store and refreshes it, rebuilding it once if it is
// damaged.
func (a *Archive) open(ctx context.Context, opts Options) error {
	openStore := opts.OpenStore
	if openStore == nil {
		openStore = func(ctx context.Context, path string) (Store, error) { return OpenSQLite(ctx, path) }
	}
	if err := a.clearNonFile(); err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		store, err := openStore(ctx, a.indexPath)
		if err == nil {
			a.store = store
			if c, ok := store.(checker); ok && opts.Check && attempt == 0 {
				err = c.Check(ctx)
			}
			if err == nil {
				err = a.refresh(ctx, opts)
			}
			if err == nil {
				if err = a.saveStories(ctx); err == nil {
					return nil
				}
			}
			store.Close()
			a.store = nil
		}
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case IsLocked(err) && a.temp == "":
			a.warnings = append(a.warnings, noticeOf("index %s is in use by another process; using a temporary index", a.indexPath))
			if terr := a.useTemporaryIndex(); terr != nil {
				return terr
			}
		case IsCorrupt(err) && attempt == 0:
			a.warnings = append(a.warnings, noticeOf("index %s was damaged or out of date ("+corruptReason(err)+"); rebuilt", a.indexPath))
			if rerr := RemoveIndex(a.indexPath); rerr != nil {
				return rerr
			}
		case isStoreFailure(err) && a.temp == "":
			// SQLite could not open or write the index for a reason of
			// the files beside it (a folder where its log goes, a disk
			// error): the run goes on with a temporary index, as when
			// another process holds it, rather than fail every command
			// with "unable to open database file (14)".
			a.warnings = append(a.warnings, noticeOf("index %s cannot be used ("+storeWords(err)+"); using a temporary index", a.indexPath))
			if terr := a.useTemporaryIndex(); terr != nil {
				return terr
			}
		default:
			if isStoreFailure(err) {
				return fmt.Errorf("index %s: %s", a.indexPath, storeWords(err))
			}
			return fmt.Errorf("index %s: %w", a.indexPath, err)
		}
	}
}

// clearNonFile makes way for the index where something other than a file
// holds its name. SQLite cannot open a folder as a database ("unable to
// open database file (14)"), and a command failed on it every run, never
// rebuilding it as it does a damaged file. An empty folder is removed and
// the index rebuilt in its place; anything else (a folder with files in
// it, a pipe, a link to nothing) is not newsdiff's to remove, so the run
// uses a temporary index. Either way a warning names it.
func (a *Archive) clearNonFile() error {
	l, err := os.Lstat(a.indexPath)
	if err != nil || l.Mode().IsRegular() {
		return nil
	}
	// A link is followed; one to nothing (a disk not mounted) is left
	// for when it leads somewhere again.
	if info, err := os.Stat(a.indexPath); err == nil && info.Mode().IsRegular() {
		return nil
	}
	if l.IsDir() && os.Remove(a.indexPath) == nil {
		a.warnings = append(a.warnings, noticeOf("index %s was damaged or out of date (a folder, not a file); rebuilt", a.indexPath))
		return nil
	}
	a.warnings = append(a.warnings, noticeOf("index %s is not a file; using a temporary index", a.indexPath))
	return a.useTemporaryIndex()
}

// useTemporaryIndex makes the run's index a new temporary file, removed on
// Close: for an index another process holds, one SQLite cannot use, or
// one that cannot be placed anywhere else. The caller warns first, while
// indexPath still names the index given up.
func (a *Archive) useTemporaryIndex() error {
	f, err := os.CreateTemp("", "newsdiff-index-*.db")
	if err != nil {
		return err
	}
	f.Close()
	a.temp, a.indexPath = f.Name(), f.Name()
	return nil
}

// listable returns why the directory dir cannot be listed, or nil.
func listable(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err != nil && err != io.EOF {
		return err
	}
	return nil
}

// RemoveIndex removes the index file at p and SQLite's files beside it:
// one damaged, trimmed from the cache, or made by a run for an archive it
// then gives up, closed.
func RemoveIndex(p string) error {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(p + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// cacheIndexPath is where the index of the archive at root is kept when
// root cannot be written: a file in the user's cache directory named after
// root's absolute path with its symbolic links resolved, so that a folder
// opened through a link, or through a link to a folder on its way, finds
// the index it has by its own path rather than building another.
func cacheIndexPath(root string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(cache, "newsdiff", "index-"+hex.EncodeToString(sum[:8])+".db"), nil
}

// refresh reads the listing from the store, refreshes the store from the
// files (unless opts says not to) and reads the listing again if that
// changed it. The files are listed and stat'ed while the listing is read:
// on a large archive these are the two costs of opening it, and they need
// different things (the disk, the database), so together they take the
// time of the longer.
func (a *Archive) refresh(ctx context.Context, opts Options) error {
	if opts.NoRefresh {
		entries, err := a.store.Entries(ctx)
		if err != nil {
			return err
		}
		a.load(entries)
		// The directories' times are recorded at the end of each full
		// refresh, the first build's included: with none, no build has
		// finished.
		times, err := a.store.DirTimes(ctx)
		if err != nil {
			return err
		}
		a.unfinished = a.waiting > 0 || len(times) == 0
		return nil
	}
	if opts.Lookup != nil {
		if done, err := a.openNamed(ctx, opts); done || err != nil {
			return err
		}
	}
	if opts.Story != "" {
		if done, err := a.openStory(ctx, opts); done || err != nil {
			return err
		}
		if opts.Focus == nil {
			opts.Focus = FocusStory(opts.Story)
		}
	}
	if opts.Focus != nil {
		if done, err := a.refreshFocused(ctx, opts); done || err != nil {
			return err
		}
	}
	scanCtx, cancelScan := context.WithCancel(ctx)
	defer cancelScan()
	var disk []diskFile
	var dirTimes map[string]time.Time
	var scanErr error
	scanned := make(chan struct{})
	scanStart := time.Now()
	go func() {
		defer close(scanned)
		disk, dirTimes, scanErr = scan(scanCtx, a.root)
	}()
	entries, err := a.store.Entries(ctx)
	if err != nil {
		cancelScan()
		<-scanned
		return err
	}
	<-scanned
	if scanErr != nil {
		return scanErr
	}
	changed, touched, err := refresh(ctx, a.root, a.store, entries, disk, opts)
	if err != nil {
		return err
	}
	a.changed = changed
	a.noteTouched(touched)
	if changed {
		if entries, err = a.store.Entries(ctx); err != nil {
			return err
		}
	}
	if err := a.saveDirTimes(ctx, dirTimes, scanStart); err != nil {
		return err
	}
	a.load(entries)
	return nil
}

// setEntries makes entries, sorted by path, the archive's listing.
func (a *Archive) setEntries(entries []Entry) {
	a.entries = entries
	a.listings++
	a.byID = make(map[int64]int, len(entries))
	for i, e := range entries {
		a.byID[e.ID] = i
	}
}

// load gathers the listing into stories.
func (a *Archive) load(entries []Entry) {
	a.setEntries(entries)
	named := map[string]*Story{}
	grouped := map[int64]*Story{}
	var order []*Story
	// Each entry's story first, then the stories' entries in one array:
	// appending to each story in turn would copy and regrow a hundred
	// thousand entries' worth of slices on every opening.
	of := make([]*Story, len(entries))
	counts := map[*Story]int{}
	a.waiting = 0
	for i, e := range entries {
		if e.Skipped {
			continue
		}
		var s *Story
		switch {
		case e.Story != "":
			if s = named[e.Story]; s == nil {
				s = &Story{Name: e.Story}
				named[e.Story] = s
				order = append(order, s)
			}
		case e.Group == 0:
			// Waiting to be grouped: a refresh that was stopped wrote
			// it and did not group it. It stands alone until one does;
			// gathered as the story numbered 0, every such article of
			// an interrupted build was listed as one story, named after
			// the first.
			s = &Story{Grouped: true}
			order = append(order, s)
			a.waiting++
		default:
			if s = grouped[e.Group]; s == nil {
				s = &Story{Grouped: true}
				grouped[e.Group] = s
				order = append(order, s)
			}
		}
		of[i] = s
		counts[s]++
	}
	all := make([]Entry, 0, len(entries))
	for _, s := range order {
		n := counts[s]
		s.Entries = all[len(all) : len(all) : len(all)+n]
		all = all[:len(all)+n]
	}
	for i, s := range of {
		if s != nil {
			s.Entries = append(s.Entries, entries[i])
		}
	}
	// Each story's articles, and the stories, are in the order of their
	// files' names (corpus.CompareNames), as a folder read without an
	// index lists them; the listing itself stays in bytewise path order,
	// which the index's lookups and merges rely on. Sorting story by
	// story costs about 30 ms of the 0.9 s an archive of 100,000 articles
	// takes to open (BenchmarkLoadListing: 58 → 88 ms).
	for _, s := range order {
		slices.SortFunc(s.Entries, func(x, y Entry) int { return corpus.CompareNames(x.Path, y.Path) })
	}
	slices.SortFunc(order, func(x, y *Story) int { return corpus.CompareNames(x.Entries[0].Path, y.Entries[0].Path) })
	used := map[string]bool{}
	for _, s := range order {
		used[s.Name] = s.Name != ""
	}
	next := map[string]int{}
	for _, s := range order {
		if !s.Grouped {
			continue
		}
		s.Alone = len(s.Entries) == 1
		s.Name = uniqueName(storyTitle(s.Entries[0]), used, next)
	}
	// Named and grouped stories first, in name order; the articles that
	// group with nothing last.
	slices.SortStableFunc(order, func(x, y *Story) int {
		switch {
		case x.Alone == y.Alone:
			return 0
		case y.Alone:
			return -1
		}
		return 1
	})
	for i, s := range order {
		s.Number = i + 1
	}
	a.stories = order
}

// storyTitle names a story found by content after its first article.
func storyTitle(e Entry) string {
	t := []rune(e.Title)
	if len(t) > 60 {
		t = append(t[:59], '…')
	}
	if len(t) == 0 {
		return e.Article
	}
	return string(t)
}

// uniqueName returns name, or if used has it "name (2)", "name (3)" and so
// on, the first that used does not have, and adds it to used. next keeps,
// by name, the number to try first: every number below it was in used
// when it was tried, and still is, so that the 170th story of one title
// tries one name rather than 170.
func uniqueName(name string, used map[string]bool, next map[string]int) string {
	n := name
	for i := max(next[name], 2); used[n]; i++ {
		n = fmt.Sprintf("%s (%d)", name, i)
		next[name] = i + 1
	}
	used[n] = true
	return n
}

// Root is the archive's directory, as an absolute path.
func (a *Archive) Root() string { return a.root }

// IndexPath is where the index is kept.
func (a *Archive) IndexPath() string { return a.indexPath }

// Temporary reports whether the index is this run's alone, removed on
// Close: the folder and the cache directory could not hold it, or another
// process was writing it (a warning says which).
func (a *Archive) Temporary() bool { return a.temp != "" }

// Warnings are what went wrong with the index and was worked around, one
// line each, the folder and index they name written by name (as they
// are, when name is nil): they are file names, and may hold anything.
func (a *Archive) Warnings(name func(string) string) []string {
	var lines []string
	for _, w := range a.warnings {
		lines = append(lines, w.text(name))
	}
	return lines
}

// Listings counts the listings the archive has held since it was opened:
// Options.Focus is given one, and opening reads another after it when a
// file Focus named had changed, or when the refresh had to be a full one.
// A caller that found articles in the listing Focus was given may keep
// what it found while the count is what it was then, rather than look
// through every entry again.
func (a *Archive) Listings() int { return a.listings }

// Entries returns every article, in path order, skipped files left out.
func (a *Archive) Entries() []Entry {
	return slices.Collect(a.All())
}

// All yields every article, in path order, skipped files left out, without
// copying the listing as Entries does (20 MB at 100,000 articles).
func (a *Archive) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range a.entries {
			if !e.Skipped && !yield(e) {
				return
			}
		}
	}
}

// Problems returns the files that were skipped or loaded with a warning,
// as corpus.LoadDir reports them.
func (a *Archive) Problems() []corpus.Problem {
	var out []corpus.Problem
	for _, e := range a.entries {
		if e.Problem == "" {
			continue
		}
		// A sidecar's record is never an article, but a sidecar read
		// but for some of its values was not skipped.
		skipped := e.Skipped && !(path.Base(e.Path) == sidecarName && strings.HasPrefix(e.Problem, corpus.SidecarValuesIgnored))
		out = append(out, corpus.Problem{Path: a.Path(e), Offset: -1, Msg: e.Problem, Skipped: skipped})
	}
	corpus.SortProblems(out)
	return out
}

// ProblemVersions returns, by the path Problems gives each problem, what
// tells the content of the file it was found in: its SHA-256 as the index
// keeps it, else (a file that could not be read) its size and modification
// time. A caller that says each problem once, as a served folder's log
// does on every refresh, says it again when this changes: when the file
// does.
func (a *Archive) ProblemVersions(ctx context.Context) (map[string]string, error) {
	var withProblem []Entry
	var paths []string
	for _, e := range a.entries {
		if e.Problem != "" {
			withProblem = append(withProblem, e)
			paths = append(paths, e.Path)
		}
	}
	if len(paths) == 0 {
		return nil, nil
	}
	hashes, err := a.store.Hashes(ctx, paths)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(paths))
	for _, e := range withProblem {
		v := hex.EncodeToString(hashes[e.Path])
		if v == "" {
			v = fmt.Sprintf("%d bytes, %d", e.Size, e.ModTime.UnixNano())
		}
		out[a.Path(e)] = v
	}
	return out, nil
}

// Stories returns the archive's stories: named and grouped ones first, then
// the articles that group with nothing, each a story of its own (Alone).
// An archive opened on the articles Options.Lookup found has none.
func (a *Archive) Stories() []*Story { return a.stories }

// Path is the file of an entry, under the archive's root.
func (a *Archive) Path(e Entry) string {
	return filepath.Join(a.root, filepath.FromSlash(e.Path))
}

// Search returns the articles whose title or text holds every word of
// query (the last as a prefix), best first, at most limit.
func (a *Archive) Search(ctx context.Context, query string, limit int) ([]Entry, error) {
	ids, err := a.store.Search(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(ids))
	for _, id := range ids {
		if i, ok := a.byID[id]; ok {
			out = append(out, a.entries[i])
		}
	}
	return out, nil
}

// Article reads and segments the article of an entry, or returns it from
// the cache.
func (a *Archive) Article(ctx context.Context, e Entry) (*corpus.Article, error) {
	return a.cache.Article(ctx, a.Path(e))
}

// Cache is the archive's cache of articles and comparisons.
func (a *Archive) Cache() *Cache { return a.cache }

// FindStory returns the story numbered name (from 1, in Stories' order),
// or else the one story.Named picks by name, as the commands' --story
// takes it. An archive opened on one story alone
// (Options.Story) finds it by the name it was opened with, and no other.
func (a *Archive) FindStory(name string) (*Story, error) {
	if a.only != "" {
		if name != a.only {
			return nil, fmt.Errorf("the archive is open on story %q alone", a.only)
		}
		return a.stories[0], nil
	}
	names := make([]string, len(a.stories))
	for i, s := range a.stories {
		names[i] = s.Name
	}
	i, err := story.Pick(name, names)
	if err != nil {
		// Names that differ in case alone: the one named as typed.
		if i = slices.Index(names, name); i < 0 {
			return nil, err
		}
	}
	return a.stories[i], nil
}

// Load reads and segments the articles of s through the cache, in order,
// at most max of them (all if max <= 0), as a corpus.Story.
func (a *Archive) Load(ctx context.Context, s *Story, max int) (*corpus.Story, []corpus.Problem, error) {
	out := &corpus.Story{Name: s.Name}
	var problems []corpus.Problem
	for i, e := range s.Entries {
		if max > 0 && len(out.Articles) == max {
			out.Unread = len(s.Entries) - i
			break
		}
		art, err := a.Article(ctx, e)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			problems = append(problems, corpus.Problem{Path: a.Path(e), Offset: -1, Msg: corpus.Reason(err), Skipped: true})
			continue
		}
		// A copy: the cached article is shared, and its story is the
		// archive's to say.
		c := *art
		c.Story = s.Name
		out.Articles = append(out.Articles, &c)
	}
	return out, problems, nil
}

// Close closes the index, removing it if it was temporary.
func (a *Archive) Close() error {
	var err error
	if a.store != nil {
		err = a.store.Close()
	}
	if a.temp != "" {
		RemoveIndex(a.temp)
	}
	return err
}
