package cli

import (
	"context"
	"errors"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui"
)

// readerMemoryLimit is the soft heap limit of a reader on an archive once
// it is open. What it holds for good is the listing (about 1.7 KB an
// article: 170 MiB at 100,000 articles, with its list); the rest is text
// read and comparisons, bounded by their caches, and garbage. By default
// the collector lets the heap grow to twice what is live; near this limit
// it collects sooner, which keeps a reader on 100,000 articles under 300
// MiB of RSS for a few milliseconds of collection per pair opened.
const readerMemoryLimit = 224 << 20

// archiveOpener opens an archive for the reader, off its UI goroutine,
// and closes it once the reader is done with it.
type archiveOpener struct {
	a   *app
	dir string

	mu     sync.Mutex
	ar     *archive.Archive
	closed bool
	// reopening is held while the archive is opened again, by Refresh
	// or Rebuild, so that one opening rebuilds a damaged index, not two
	// at once, one removing what the other builds.
	reopening sync.Mutex
}

// open opens the archive for the reader and lists it from its index as
// it is, without looking at its files: on 100,000 articles, stat'ing every
// file and reading the index again takes longer than the rest of opening.
// The listing it returns refreshes the index in the background (Refresh),
// and the reader lists it again if anything changed. An archive without a
// listing yet (never indexed, or an index that had to be rebuilt or
// replaced) is refreshed before it is shown, as there is nothing to show
// until it is; so is one whose index was left unfinished (a build or
// refresh stopped before it grouped what it read): listed as it was, its
// articles were in no story yet, and the pair first shown was two
// unrelated ones.
func (o *archiveOpener) open(ctx context.Context) (ui.Library, []string, error) {
	o.a.limitMemory()
	ar, err := archive.Open(ctx, o.dir, archive.Options{NoRefresh: true})
	refreshable := true
	var note string // the first open made the index, the second finds it
	// So with the first open's warnings: a damaged index it rebuilt is
	// sound when the second opens it, and was rebuilt without a word.
	var first []string
	if err == nil && (len(ar.Warnings(nil)) > 0 || len(ar.Stories()) == 0 || ar.Unfinished()) {
		note = ar.IndexNote(Name)
		first = ar.Warnings(Name)
		ar.Close()
		ar, err = archive.Open(ctx, o.dir, archive.Options{})
		refreshable = false
	}
	if err != nil {
		return nil, nil, archiveError(o.dir, err)
	}
	if len(ar.Stories()) == 0 {
		// Files to read, none of them an article: say why, as list
		// does, rather than show an empty reader.
		probs := asNamed(o.dir, ar.Problems())
		ar.Close()
		return nil, nil, noArticles(o.dir, probs)
	}
	lib, lines, err := o.install(ar, refreshable, ui.Changes{})
	// A warning both opens gave (another process holds the index) is
	// said once.
	var said []string
	for _, w := range first {
		if w = cell(w); !slices.Contains(lines, w) {
			said = append(said, w)
		}
	}
	lines = append(said, lines...)
	if note != "" {
		// The reader heads its load lines "warning:" itself.
		lines = append([]string{cell(note)}, lines...)
	}
	return lib, lines, err
}

// install makes ar the open archive and lists it; refreshable says that
// its listing is the index's as it was, to refresh in the background as
// the reader opens. Either way the listing refreshes when the reader asks
// (ctrl+r): the folder's files may change while it runs. changes is what
// changed since the listing before, for a refresh to say.
func (o *archiveOpener) install(ar *archive.Archive, refreshable bool, changes ui.Changes) (ui.Library, []string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		ar.Close()
		return nil, nil, context.Canceled
	}
	old := o.ar
	o.ar = ar
	if old != nil {
		old.Close()
	}
	var lines []string
	// The reader heads these lines "warning:" itself; prefixed here
	// too, the status line read "warning: warning: index … in use".
	for _, w := range ar.Warnings(Name) {
		lines = append(lines, cell(w))
	}
	lines = append(lines, problemLines(asNamed(o.dir, ar.Problems()))...)
	listing := ar.Listing(0)
	// Collect more often from now on (see readerMemoryLimit): the
	// background refresh, too, is held to it.
	o.a.limitMemoryTo(readerMemoryLimit)
	if !refreshable {
		// Refreshing the index made garbage several times the listing's
		// size; hand it back before the reader settles in for a session.
		debug.FreeOSMemory()
	}
	return readerListing{Listing: listing, opener: o, current: !refreshable, changes: changes}, lines, nil
}

// readerListing is an archive's listing as the reader shows it. It
// refreshes the index in the background once the reader shows it, when it
// was made from the index as it was, and whenever the reader asks
// (ui.Refresher); a search that finds the index damaged has it rebuilt
// (ui.Rebuilder).
type readerListing struct {
	*archive.Listing
	opener *archiveOpener
	// current says that the listing was made from the files as they
	// were, the index refreshed as the archive opened.
	current bool
	// changes is what changed since the listing before, when a refresh
	// made this one.
	changes ui.Changes
}

// Current reports whether l was listed from the files as they were, as
// the archive opened: the reader then does not refresh it as it opens.
func (l readerListing) Current() bool { return l.current }

// Changes is what changed since the listing before, when a refresh made l.
func (l readerListing) Changes() ui.Changes { return l.changes }

// Damaged implements ui.Rebuilder: a search that finds the index damaged
// (its full text, which nothing else reads) marks it to be rebuilt.
func (l readerListing) Damaged(err error) (string, bool) {
	if !archive.IsCorrupt(err) {
		return "", false
	}
	return Name(l.Archive().IndexPath()), true
}

// Rebuild implements ui.Rebuilder: it opens the archive again, which
// rebuilds the index a search marked damaged, with a warning, as Refresh
// does one its check finds damaged, and returns it listed anew. The
// search said only that the filter matched titles, outlets and stories,
// and every search failed so until the archive was next opened. Each
// page is read first (archive.Options.Check), so that damage the mark
// failed to record is found too: the rebuild that follows takes longer.
// It returns nil when the archive was opened again since l was listed.
func (l readerListing) Rebuild(ctx context.Context) (ui.Library, []string, error) {
	o := l.opener
	o.reopening.Lock()
	defer o.reopening.Unlock()
	if !o.holds(l.Archive()) {
		return nil, nil, nil
	}
	defer debug.FreeOSMemory()
	ar, err := archive.Open(ctx, o.dir, archive.Options{Check: true})
	if err != nil {
		return nil, nil, err
	}
	if !ar.Changed() {
		// Neither marked nor found damaged: nothing was rebuilt.
		ar.Close()
		return nil, nil, errNotRebuilt
	}
	return o.install(ar, false, entryChanges(l.Archive(), ar))
}

// errNotRebuilt is what Rebuild returns when opening the archive again
// rebuilt nothing.
var errNotRebuilt = errors.New("the damage could not be recorded, and a check of its pages found none")

// holds reports whether ar is the archive open.
func (o *archiveOpener) holds(ar *archive.Archive) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ar == ar
}

// Refresh looks at every file of the archive, and when any differs from
// the index, opens the archive again, bringing its index up to date, and
// returns it listed anew; nil when nothing changed.
func (l readerListing) Refresh(ctx context.Context) (ui.Library, []string, error) {
	o := l.opener
	o.reopening.Lock()
	defer o.reopening.Unlock()
	if !o.holds(l.Archive()) {
		return nil, nil, nil // rebuilt meanwhile (Rebuild), and listed anew
	}
	// What opening and checking leave is garbage: hand it back.
	defer debug.FreeOSMemory()
	stale, err := l.Archive().Stale(ctx)
	if err != nil || !stale {
		return nil, nil, err
	}
	ar, err := archive.Open(ctx, o.dir, archive.Options{})
	if err != nil {
		return nil, nil, err
	}
	if !ar.Changed() {
		ar.Close()
		return nil, nil, nil
	}
	// Counted before install closes the archive listed before.
	return o.install(ar, false, entryChanges(l.Archive(), ar))
}

// entryChanges counts the articles added, changed and removed from was to
// now: an article's file of another size or time, or listed under another
// outlet, title, date or address (its folder's meta.json edited), changed;
// a file now found with a new time and the same bytes (see
// archive.Archive.Touched), resaved. The reader counted those as changed:
// a folder copied again, or files saved unchanged, had it say "the archive
// changed on disk; list refreshed: 3 changed" of articles none of which
// had. All leaves out a file that holds no article: it counts for none.
func entryChanges(was, now *archive.Archive) ui.Changes {
	type listed struct {
		size                     int64
		mod                      int64
		outlet, title, date, url string
	}
	before := make(map[string]listed)
	for e := range was.All() {
		before[e.Path] = listed{e.Size, e.ModTime.UnixNano(), e.Outlet, e.Title, e.Date, e.URL}
	}
	var ch ui.Changes
	for e := range now.All() {
		b, ok := before[e.Path]
		if !ok {
			ch.Added++
			continue
		}
		delete(before, e.Path)
		l := listed{e.Size, e.ModTime.UnixNano(), e.Outlet, e.Title, e.Date, e.URL}
		if b.mod != l.mod && now.Touched(e.Path) {
			b.mod = l.mod
			if b == l {
				ch.Resaved++
				continue
			}
		}
		if b != l {
			ch.Changed++
		}
	}
	ch.Removed = len(before)
	return ch
}

// close closes the archive, or the one open will open from now on.
func (o *archiveOpener) close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	if o.ar != nil {
		o.ar.Close()
		o.ar = nil
	}
}
