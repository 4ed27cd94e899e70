package cli

import (
	"context"
	"io"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// servedCheckEvery is how long serve goes on with a folder's archive
// before it looks at the folder's files again, when a session or a command
// comes: a local command looks at them every time it runs, which over
// 100,000 articles costs about half a second of stat'ing; a server answering
// many commands looks at most this often, and sees a change within it.
const servedCheckEvery = 10 * time.Second

// ServedArchive is a folder as serve serves it: its archive, opened and
// refreshed on start, with the listing every reader session shares. A
// session or a command takes the archive as it is when it starts
// (acquire), and keeps it until it ends; when one comes more than
// servedCheckEvery after the folder's files were last looked at, they are
// looked at first, and if they changed, the archive is opened again,
// bringing its index up to date, for the sessions and commands that start
// from then on. An archive replaced so is closed once the last session or
// command using it is done. It is safe for concurrent use.
type ServedArchive struct {
	dir   string
	every time.Duration
	// stderr is where a refresh says what the first opening said on
	// start (the index's warnings, files skipped); log says that the
	// folder changed.
	stderr io.Writer
	log    *slog.Logger

	// checking holds a token while the files are looked at, one look at
	// a time: a session or command that comes meanwhile waits for it,
	// then takes what it found, unless it is gone first (a channel, not
	// a mutex, so that waiting ends with the session's context: a
	// refresh after many files were added takes minutes).
	checking chan struct{}

	mu      sync.Mutex
	cur     *servedGen
	checked time.Time // when the files were last found as cur lists them
	closed  bool
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
// and refreshed, the reader's load lines for it being lines.
func newServedArchive(dir string, ar *archive.Archive, lines []string, stderr io.Writer) *ServedArchive {
	return &ServedArchive{
		dir: dir, every: servedCheckEvery, stderr: stderr, log: slog.New(slog.DiscardHandler),
		checking: make(chan struct{}, 1),
		cur:      &servedGen{ar: ar, lib: ar.Listing(0), lines: lines},
		checked:  time.Now(),
	}
}

// Archive returns the archive as it is served now.
func (s *ServedArchive) Archive() *archive.Archive {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur.ar
}

// acquire returns the archive for a session or command that starts now,
// brought up to date first when its files were last looked at more than
// every ago, and the function to call once the session or command is done
// with it. A refresh that fails leaves the archive as it was, which is
// still served: the server's log says why.
func (s *ServedArchive) acquire(ctx context.Context) (*servedGen, func()) {
	select {
	case s.checking <- struct{}{}:
		s.mu.Lock()
		due := !s.closed && time.Since(s.checked) >= s.every
		cur := s.cur
		s.mu.Unlock()
		if due {
			s.check(ctx, cur)
		}
		<-s.checking
	case <-ctx.Done():
		// Gone while another looked at the files: it takes the archive
		// as it is, and will not get far with it.
	}

	s.mu.Lock()
	g := s.cur
	g.users++
	s.mu.Unlock()
	var once sync.Once
	return g, func() { once.Do(func() { s.release(g) }) }
}

// check looks at the files of cur's folder and, when they changed, opens
// the archive again and serves it in cur's place. Only acquire calls it,
// one at a time.
func (s *ServedArchive) check(ctx context.Context, cur *servedGen) {
	started := time.Now()
	stale, err := cur.ar.Stale(ctx)
	if err != nil && ctx.Err() != nil {
		return // the session or command left: the next one checks
	}
	// Checked, whatever came of it: a folder that cannot be refreshed
	// is tried again after every, not for every command.
	s.mu.Lock()
	s.checked = started
	s.mu.Unlock()
	if err != nil {
		s.log.Warn("could not check the served folder's files", "err", cell(err.Error()))
		return
	}
	if !stale {
		return
	}
	// The refresh is the server's, not the session's that came first:
	// a session that leaves must not leave it half done.
	ar, err := archive.Open(context.WithoutCancel(ctx), s.dir, archive.Options{})
	if err != nil {
		s.log.Warn("could not refresh the served folder's index", "err", cell(archiveError(s.dir, err).Error()))
		return
	}
	if len(ar.Stories()) == 0 {
		// Every article gone: the server goes on with what it had, as
		// it cannot serve nothing.
		ar.Close()
		s.log.Warn("the served folder has no article left; serving it as it was")
		return
	}
	lines := openLines(s.dir, ar, s.stderr, "newsdiff serve")
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
	s.log.Info("refreshed", "corpus", corpusSize(g.lib.Corpus()))
	// Refreshing made garbage several times the listing's size.
	debug.FreeOSMemory()
}

// release says that a session or command is done with g; g is closed
// when it was the last to use it and g is no longer served.
func (s *ServedArchive) release(g *servedGen) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g.users--
	g.closeIfDone()
}

// Close closes the archive, once no session or command uses it; it is
// served no more.
func (s *ServedArchive) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.cur.retired = true
	s.cur.closeIfDone()
}
