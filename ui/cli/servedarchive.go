package cli

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// servedCheckEvery is how long serve goes on with a folder's archive
// before it looks at the folder's files again, when a session or a command
// comes: a local command looks at them every time it runs, which over
// 100,000 articles costs about half a second of stat'ing; a server answering
// many commands looks at most this often, and sees a change within it.
const servedCheckEvery = 10 * time.Second

// errServedClosed is what a session or command that comes once the
// server is done with its folder is told.
var errServedClosed = errors.New("the server is shutting down")

// ServedArchive is a folder as serve serves it: its archive, opened and
// refreshed on start, with the listing every reader session shares. A
// session or a command takes the archive as it is when it starts
// (acquire), at once, and keeps it until it ends. When one comes more
// than servedCheckEvery after the folder's files were last looked at, they
// are looked at in the background, and if they changed, the archive is
// opened again, bringing its index up to date, for the sessions and
// commands that start once that is done; those that come meanwhile get
// the archive as it was. An archive replaced so is closed once the last
// session or command using it is done. It is safe for concurrent use.
type ServedArchive struct {
	dir   string
	every time.Duration
	// log says that the folder changed, and what a refresh has to say
	// (the index's note and warnings, the files skipped), which the
	// first opening wrote on stderr before the log began.
	log *slog.Logger
	// bound holds the process's heap to the limit an opening of the
	// archive is held to, until the function it returns is called.
	bound func() (restore func())
	// said is what a refresh has to say (the index's note and warnings,
	// the files' problems) said already, on stderr on start or in the log
	// since, each line by its key (see openLines): a refresh logs again
	// only a line not said last time, and a file's problem again only once
	// its file changed, not every line each time any file changes. Only a
	// refresh, one at a time, uses it once served.
	said map[string]bool

	// ctx is the refreshes', cancelled by Close, which waits for the
	// refresh under way (refreshes) to end.
	ctx       context.Context
	cancel    context.CancelFunc
	refreshes sync.WaitGroup

	mu         sync.Mutex
	cur        *servedGen
	checked    time.Time // when the files were last found as cur lists them
	refreshing bool      // the files are being looked at, or the archive opened again
	closed     bool
}

// servedGen is one opening of the served archive: the archive, the
// listing the readers share, the lines the readers show of its load, and
// how many sessions and commands use it.
type servedGen struct {
	ar      *archive.Archive
	lib     *archive.Listing
	lines   []string
	users   int
	retired bool // replaced by a newer opening, or the server is done
	closed  bool
}

// closeIfDone closes g when it is served no more and nothing uses it.
// Call it with s.mu held.
func (g *servedGen) closeIfDone() {
	if g.retired && g.users == 0 && !g.closed {
		g.closed = true
		g.ar.Close()
	}
}

// newServedArchive serves the archive ar of the folder dir, just opened
// and refreshed under bound, the reader's load lines for it being lines;
// every refresh is held by bound as that opening was.
func newServedArchive(dir string, ar *archive.Archive, lines []string, bound func() func()) *ServedArchive {
	ctx, cancel := context.WithCancel(context.Background())
	s := &ServedArchive{
		dir: dir, every: servedCheckEvery, log: slog.New(slog.DiscardHandler), bound: bound,
		ctx: ctx, cancel: cancel,
		cur:     &servedGen{ar: ar, lib: ar.Listing(0), lines: lines},
		checked: time.Now(),
	}
	_, keys := s.openLines(ar)
	s.said = keySet(keys)
	return s
}

// openLines returns what opening ar has to say, as writeOpenNotes writes
// it, and the key of each line in said: its kind and text, and for a
// file's problem its file's version too (see archive.ProblemVersions),
// none when the versions cannot be read (each problem then said once,
// whatever becomes of its file).
func (s *ServedArchive) openLines(ar *archive.Archive) (notes []openNote, keys []string) {
	versions, err := ar.ProblemVersions(s.ctx)
	if err != nil {
		versions = nil
	}
	probs := ar.Problems()
	notes = openNotes(ar, asNamed(s.dir, probs))
	// The problems' lines come last, one for each.
	first := len(notes) - len(probs)
	keys = make([]string, len(notes))
	for i, n := range notes {
		keys[i] = n.kind + "\x00" + n.text
		if i >= first {
			keys[i] += "\x00" + versions[probs[i-first].Path]
		}
	}
	return notes, keys
}

// keySet returns the set of keys.
func keySet(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// acquire returns the archive for a session or command that starts now,
// as it is served now, and the function to call once the session or
// command is done with it. When the folder's files were last looked at
// more than every ago, and no refresh is under way, it starts one in the
// background. Once Close was called it returns errServedClosed.
func (s *ServedArchive) acquire() (*servedGen, func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, nil, errServedClosed
	}
	g := s.cur
	if !s.refreshing && time.Since(s.checked) >= s.every {
		s.refreshing = true
		// The refresh uses g's archive to look at the files: g is
		// not closed under it.
		g.users++
		s.refreshes.Add(1)
		go s.refresh(g)
	}
	g.users++
	var once sync.Once
	return g, func() { once.Do(func() { s.release(g) }) }, nil
}

// refresh looks at the files of cur's folder and, when they changed,
// opens the archive again and serves it in cur's place. One runs at a
// time, started by acquire; a refresh that fails leaves the archive as it
// was, which is still served: the log says why.
func (s *ServedArchive) refresh(cur *servedGen) {
	defer s.refreshes.Done()
	started := time.Now()
	s.update(cur, started)
	s.release(cur)
	s.mu.Lock()
	s.refreshing = false
	// Checked, whatever came of it: a folder that cannot be refreshed
	// is tried again after every, not for every command.
	s.checked = started
	s.mu.Unlock()
}

// update is refresh's work: it serves the archive anew when cur's files
// changed since it was opened.
func (s *ServedArchive) update(cur *servedGen, started time.Time) {
	stale, err := cur.ar.Stale(s.ctx)
	switch {
	case s.ctx.Err() != nil:
		return // the server is done
	case err != nil:
		s.log.Warn("could not check the served folder's files", "err", cell(err.Error()))
		return
	case !stale:
		return
	}
	// Reading and grouping the new articles is held to the heap limit
	// the first opening was held to; the limit is the process's, and
	// put back once the archive is open.
	restore := s.bound()
	defer func() {
		restore()
		// Refreshing made garbage several times the listing's size.
		debug.FreeOSMemory()
	}()
	s.log.Info("refreshing", "reason", "the served folder's files changed")
	ar, err := archive.Open(s.ctx, s.dir, archive.Options{})
	switch {
	case s.ctx.Err() != nil:
		if ar != nil {
			ar.Close()
		}
		return
	case err != nil:
		s.log.Warn("could not refresh the served folder's index", "err", cell(archiveError(s.dir, err).Error()))
		return
	case len(ar.Stories()) == 0:
		// Every article gone: the server goes on with what it had, as
		// it cannot serve nothing.
		ar.Close()
		s.log.Warn("the served folder has no article left; serving it as it was")
		return
	}
	lines := s.logOpenLines(ar)
	g := &servedGen{ar: ar, lib: ar.Listing(0), lines: lines}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ar.Close()
		return
	}
	old := s.cur
	s.cur = g
	old.retired = true
	old.closeIfDone()
	s.mu.Unlock()
	s.log.Info("refreshed", "corpus", corpusSize(g.lib.Corpus()), "took", time.Since(started).Round(time.Millisecond).String())
}

// logOpenLines logs what opening ar again has to say, as writeOpenNotes
// writes it on start, but only the lines not said last time (see said),
// and returns the readers' lines (see servedLines), which list every
// problem.
func (s *ServedArchive) logOpenLines(ar *archive.Archive) []string {
	notes, keys := s.openLines(ar)
	for i, n := range notes {
		switch {
		case s.said[keys[i]]:
		case n.kind == "note":
			s.log.Info("served folder", "note", n.text)
		default:
			s.log.Warn("served folder", "warning", n.text)
		}
	}
	s.said = keySet(keys)
	return servedLines(s.dir, ar.Problems())
}

// servedLines are the lines the readers served over SSH show of an
// opening of the folder dir, as the reader on dir shows its problems:
// each file's problem, the file named within the folder, under the
// folder's name ("stories/2016-07/03.txt"), as the reader's loading line
// names the folder. Where the folder is on the server is not the
// client's business, nor is the index, which the client can do nothing
// about: the index's note and warnings are the server's log's. The
// readers listed all of them as the server's stderr has them, and every
// session's warning line said "index /home/…/.cache/newsdiff/index-….db
// was damaged or out of date; rebuilt" or "… cannot be written; its
// index is kept in …", the server's paths with it.
func servedLines(dir string, probs []corpus.Problem) []string {
	root, err := filepath.Abs(dir)
	if err != nil {
		root = dir
	}
	return problemLines(servedProblems(root, probs))
}

// servedName names path, a file of the folder served from root (an
// absolute path), as what is served over SSH names it: within the folder,
// under the folder's name ("stories/2016-07/03.txt"); a file outside it
// by its name alone.
func servedName(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && filepath.IsLocal(rel) {
		return filepath.Join(filepath.Base(root), rel)
	}
	return filepath.Base(path)
}

// servedProblems are probs, problems with files of the folder served
// from root, each file named as servedName names it.
func servedProblems(root string, probs []corpus.Problem) []corpus.Problem {
	out := make([]corpus.Problem, len(probs))
	for i, p := range probs {
		p.Path = servedName(root, p.Path)
		out[i] = p
	}
	return out
}

// servedFileError is err, an error reading path, a file of the folder
// served from root, with the file named as servedName names it: as read,
// it names the file by where it is on the server ("stat
// /srv/news/x.txt: no such file or directory"), and a file removed after
// the archive a session or command holds listed it said so to the
// client. An error that is not the file's (the work was stopped) is
// returned as it is.
func servedFileError(root, path string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fileError{problem: corpus.Problem{Path: servedName(root, path), Offset: -1, Msg: corpus.Reason(err)}, err: err}
}

// fileError is an error of a file, said as problem says it.
type fileError struct {
	problem corpus.Problem
	err     error
}

func (e fileError) Error() string { return Problem(e.problem) }
func (e fileError) Unwrap() error { return e.err }

// servedListing is the listing of the served folder that a reader served
// over SSH reads, its errors naming the folder's files as servedName
// does.
//
// It is no ui.Refresher, so a served reader's ctrl+r is off: every session
// shares the listing and its archive, which the server refreshes for the
// sessions that start (see ServedArchive), at most every servedCheckEvery
// whatever the clients ask. A session that reopened the archive itself
// would open it again beside the one the others read, under its writers'
// lock, for any client to ask as often as it pressed a key; and one that
// took the archive the server refreshed would have to release the opening
// it holds from under the texts it is reading.
type servedListing struct {
	*archive.Listing
	root string
}

func (l servedListing) Text(ctx context.Context, listed *corpus.Article) (*corpus.Article, error) {
	art, err := l.Listing.Text(ctx, listed)
	return art, servedFileError(l.root, listed.Source, err)
}

// release says that a session or command is done with g; g is closed
// when it was the last to use it and g is no longer served.
func (s *ServedArchive) release(g *servedGen) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g.users--
	g.closeIfDone()
}

// Close serves the archive no more: a session or command that comes
// from now on is told so. It stops the refresh under way and waits for
// it, and closes the archive once no session or command uses it.
func (s *ServedArchive) Close() {
	s.mu.Lock()
	s.closed = true
	s.cur.retired = true
	s.cur.closeIfDone()
	s.mu.Unlock()
	s.cancel()
	s.refreshes.Wait()
}
