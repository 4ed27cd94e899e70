package cli

import (
	"context"
	"fmt"
	"runtime/debug"
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
}

// open opens the archive, refreshing its index on the way, and lists it
// for the reader: the list comes from the index, and each article's text
// is read when the reader needs it.
func (o *archiveOpener) open(ctx context.Context) (ui.Library, []string, error) {
	o.a.limitMemory()
	ar, err := archive.Open(ctx, o.dir, archive.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", Name(o.dir), err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		ar.Close()
		return nil, nil, context.Canceled
	}
	o.ar = ar
	var lines []string
	for _, w := range ar.Warnings() {
		lines = append(lines, "warning: "+cell(w))
	}
	lines = append(lines, problemLines(ar.Problems())...)
	lib := ar.Listing(0)
	// Refreshing the index made garbage several times the listing's
	// size; hand it back before the reader settles in for a session, and
	// collect more often from now on (see readerMemoryLimit).
	o.a.limitMemoryTo(readerMemoryLimit)
	debug.FreeOSMemory()
	return lib, lines, nil
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
