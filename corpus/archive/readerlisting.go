package archive

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"weak"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/memo"
)

// DefaultTextBytes bounds the text a Listing keeps read, by estimate
// (compare.ArticleBytes): some two thousand typical articles.
const DefaultTextBytes = 16 << 20

// Listing is the archive as a reader lists it: every article with the
// metadata the index holds and no text, in stories, named and grouped
// ones first and then the articles that group with nothing (Ungrouped).
// An article's text is read when asked for (Text) and kept in a cache
// bounded in bytes, so that memory does not grow with the articles read.
// It is safe for concurrent use.
//
// A listed article stands for its article in a reader (it is what the
// reader's list and choices hold); Text gives the article with its text,
// the same pointer for as long as anything holds it, so that comparisons
// and analyses made of it at different times agree on which article is
// which.
type Listing struct {
	ar     *Archive
	corpus *corpus.Corpus
	byPath map[string]*corpus.Article // listed articles by Source
	// byEntry holds the listed article of each of the archive's entries,
	// in their order (nil for a file with no article): with the
	// archive's byID, it finds a search's ids.
	byEntry []*corpus.Article

	texts memo.Map[string, *text]
	mu    sync.Mutex
	// alive holds, by path, the article last read from it while anything
	// holds it, with the file's state when it was read.
	alive map[string]aliveText
	reads int // reads so far, numbering each entry of alive
	// searching keeps searches one at a time: a Store need not be safe
	// for concurrent use.
	searching sync.Mutex
}

// text is an article read, and its file's size and time when it was.
type text struct {
	art *corpus.Article
	fileStamp
}

type aliveText struct {
	art weak.Pointer[corpus.Article]
	fileStamp
	read int // which read this is, so that a late cleanup leaves a newer one
}

// fileStamp is a file's size and modification time when it was read: a
// text read is used again only while its file still has both.
type fileStamp struct {
	size  int64
	mtime time.Time
}

func stampOf(info os.FileInfo) fileStamp {
	return fileStamp{size: info.Size(), mtime: info.ModTime()}
}

// current reports whether info, the file's state now, is as it was read.
func (s fileStamp) current(info os.FileInfo) bool {
	return s.size == info.Size() && s.mtime.Equal(info.ModTime())
}

// Listing returns the archive's articles as a reader lists them, their
// text kept within textBytes (DefaultTextBytes if zero).
func (a *Archive) Listing(textBytes int64) *Listing {
	if textBytes <= 0 {
		textBytes = DefaultTextBytes
	}
	l := &Listing{
		ar:      a,
		corpus:  &corpus.Corpus{Name: filepath.Base(a.root)},
		byPath:  make(map[string]*corpus.Article, len(a.entries)),
		byEntry: make([]*corpus.Article, len(a.entries)),
		alive:   map[string]aliveText{},
	}
	l.texts.Bound(textBytes, func(t *text) int64 { return compare.ArticleBytes(t.art) })
	// One allocation for every listed article: a hundred thousand small
	// ones would cost the collector more than the memory.
	n := 0
	for _, s := range a.stories {
		n += len(s.Entries)
	}
	arts := make([]corpus.Article, 0, n)
	paths := a.paths()
	for _, s := range a.stories {
		st := &corpus.Story{Name: s.Name, Ungrouped: s.Alone, Articles: make([]*corpus.Article, 0, len(s.Entries))}
		for _, e := range s.Entries {
			arts = append(arts, corpus.Article{ID: e.Article, Outlet: e.Outlet, Title: e.Title, URL: e.URL, Date: e.Date,
				Story: s.Name, Source: paths(e), Words: e.Words})
			art := &arts[len(arts)-1]
			st.Articles = append(st.Articles, art)
			l.byPath[art.Source] = art
			l.byEntry[a.byID[e.ID]] = art
		}
		l.corpus.Stories = append(l.corpus.Stories, st)
	}
	return l
}

// StoryBytes returns the size of the files of the first max articles of
// listed (all if max <= 0, as Story reads them), as they are now: a listed
// story's articles have no text to measure, and a reader must know a
// story's size before it reads it (a story too large to analyse beside the
// pair it shows is not read for that). A file that cannot be read counts
// nothing; reading it will say why.
func (l *Listing) StoryBytes(listed *corpus.Story, max int) int {
	arts := listed.Articles
	if max > 0 && len(arts) > max {
		arts = arts[:max] // as Story counts max
	}
	n := 0
	for _, a := range arts {
		if info, err := os.Stat(a.Source); err == nil {
			n += int(info.Size())
		}
	}
	return n
}

// Corpus returns the listed articles, in stories; they have no text.
func (l *Listing) Corpus() *corpus.Corpus { return l.corpus }

// Listed returns the listed article that a, an article with its text or a
// listed one, stands for, or nil when a is not of this archive.
func (l *Listing) Listed(a *corpus.Article) *corpus.Article {
	if a == nil {
		return nil
	}
	return l.byPath[a.Source]
}

// Peek returns the text of listed if it is at hand and its file has not
// changed since it was read, without reading the file: it only looks at
// the file's size and time.
func (l *Listing) Peek(listed *corpus.Article) (*corpus.Article, bool) {
	t, ok := l.texts.Peek(listed.Source)
	if !ok {
		return nil, false
	}
	if info, err := os.Stat(listed.Source); err == nil && !t.current(info) {
		return nil, false
	}
	return t.art, true
}

// Text returns listed with its text: the article read from its file, in
// listed's story, read on first use and again when the file has changed
// since (by size and modification time).
func (l *Listing) Text(ctx context.Context, listed *corpus.Article) (*corpus.Article, error) {
	path := listed.Source
	info, statErr := os.Stat(path)
	if t, ok := l.texts.Peek(path); ok {
		if statErr != nil || t.current(info) {
			return t.art, nil // a file gone since keeps the text read
		}
		l.texts.Forget(path)
	}
	if statErr != nil {
		return nil, statErr
	}
	t, err := l.texts.Get(ctx, path, "reading "+listed.ID, func(ctx context.Context) (*text, error) {
		return l.read(ctx, listed, info)
	})
	if err != nil {
		return nil, err
	}
	return t.art, nil
}

// read reads listed's file, which info describes, unless the article
// last read from it is still held and the file has not changed.
func (l *Listing) read(ctx context.Context, listed *corpus.Article, info os.FileInfo) (*text, error) {
	path := listed.Source
	l.mu.Lock()
	old, ok := l.alive[path]
	l.mu.Unlock()
	if ok && old.current(info) {
		if art := old.art.Value(); art != nil {
			return &text{art: art, fileStamp: old.fileStamp}, nil
		}
	}
	art, err := readArticle(ctx, path)
	if err != nil {
		return nil, err
	}
	// The listing's story, not the one the file's folder names: the
	// reader tells stories apart by name.
	art.Story = listed.Story
	l.mu.Lock()
	l.reads++
	gen := l.reads
	l.alive[path] = aliveText{art: weak.Make(art), fileStamp: stampOf(info), read: gen}
	l.mu.Unlock()
	// Once nothing holds the article, its entry goes too: alive does not
	// grow with the articles read.
	runtime.AddCleanup(art, func(gen int) {
		l.mu.Lock()
		if l.alive[path].read == gen {
			delete(l.alive, path)
		}
		l.mu.Unlock()
	}, gen)
	return &text{art: art, fileStamp: stampOf(info)}, nil
}

// Story returns the first max articles of listed (all if max <= 0) with
// their text, for analysis; an article that cannot be read is left out.
func (l *Listing) Story(ctx context.Context, listed *corpus.Story, max int) (*corpus.Story, error) {
	out := &corpus.Story{Name: listed.Name, Ungrouped: listed.Ungrouped}
	for i, a := range listed.Articles {
		if max > 0 && len(out.Articles) == max {
			out.Unread = len(listed.Articles) - i
			break
		}
		art, err := l.Text(ctx, a)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			continue
		}
		out.Articles = append(out.Articles, art)
	}
	return out, nil
}

// Search returns at most limit listed articles whose title or text hold
// every word of query (the last as a prefix), best first where the store
// cannot find them faster unranked.
func (l *Listing) Search(ctx context.Context, query string, limit int) ([]*corpus.Article, error) {
	l.searching.Lock()
	var ids []int64
	var err error
	if m, ok := l.ar.store.(matcher); ok {
		ids, err = m.Matching(ctx, query, limit)
	} else {
		ids, err = l.ar.store.Search(ctx, query, limit)
	}
	l.searching.Unlock()
	if err != nil {
		return nil, err
	}
	out := make([]*corpus.Article, 0, len(ids))
	for _, id := range ids {
		if i, ok := l.ar.byID[id]; ok && l.byEntry[i] != nil {
			out = append(out, l.byEntry[i])
		}
	}
	return out, nil
}

// TextUsed returns the bytes of text kept, by estimate, and how many
// articles hold them.
func (l *Listing) TextUsed() (bytes int64, articles int) { return l.texts.Used() }

// Changed reports whether opening the archive found files added, changed
// or removed since its index last saw them: a listing made before, from
// the index as it was (Options.NoRefresh), is then out of date.
func (a *Archive) Changed() bool { return a.changed }

// Touched reports whether opening the archive found the file at path
// (slash-separated, relative to the root, as Entry.Path) with a new
// modification time and the bytes its index had: a file saved again
// unchanged, or a folder copied without its times. Its entry differs
// from the one listed before only in that time, and nothing in it
// changed for a reader.
func (a *Archive) Touched(path string) bool { return a.touched[path] }

// noteTouched records the paths a refresh found touched (see Touched).
func (a *Archive) noteTouched(paths []string) {
	if len(paths) == 0 {
		return
	}
	a.touched = make(map[string]bool, len(paths))
	for _, p := range paths {
		a.touched[p] = true
	}
}

// Archive returns the archive l lists.
func (l *Listing) Archive() *Archive { return l.ar }

// paths returns a function giving an entry's path as Path does, the
// paths sharing a few large strings: a hundred thousand Joins were a fifth
// of a reader's opening, in allocations and in cleaning paths the index
// holds clean already. A path that is not clean goes through Path.
func (a *Archive) paths() func(Entry) string {
	const chunk = 1 << 20
	var b strings.Builder
	return func(e Entry) string {
		p := filepath.FromSlash(e.Path)
		if p == "" || filepath.IsAbs(p) || filepath.Clean(p) != p || !filepath.IsLocal(p) ||
			strings.HasSuffix(a.root, string(filepath.Separator)) {
			return a.Path(e)
		}
		need := len(a.root) + 1 + len(p)
		if b.Cap()-b.Len() < need {
			// A new builder: the strings handed out keep the old one's
			// bytes, which a builder never changes once written.
			b = strings.Builder{}
			b.Grow(max(chunk, need))
		}
		start := b.Len()
		b.WriteString(a.root)
		b.WriteByte(filepath.Separator)
		b.WriteString(p)
		return b.String()[start:]
	}
}
