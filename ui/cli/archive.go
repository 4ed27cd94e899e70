package cli

// The commands' way into an indexed archive (corpus/archive): a directory
// named on the command line is opened through its index, refreshed on the
// way, and only the articles a command needs are read. Kept apart from the
// commands so that it can move with them.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

// maxAllStories is the most stories a story command analyses when no
// --story is given: a folder of a few stories gets them all, an archive
// must be asked for one.
const maxAllStories = 8

// isArchive reports whether dir is to be opened as an indexed archive: a
// directory named by a local user, or none when the commands run over the
// archive a server serves (Env.Archive).
func (a *app) isArchive(dir string) bool {
	if dir == "" {
		return a.env.Archive != nil
	}
	return a.env.Files && isDir(dir)
}

// servedHere reports whether ar is the archive of the folder a server
// serves (Env.Archive), whose files a client is told of by their place in
// the folder alone (servedName), never by where it is on the server.
func (a *app) servedHere(ar *archive.Archive) bool {
	return ar != nil && ar == a.env.Archive
}

// openArchive opens the archive at dir, refreshing its index, and reports
// what was worked around on stderr. A command that works on a few
// articles names them in opts (archive.Options.Focus, or Story for one
// story): the refresh then checks only their files when it can.
func (p *printer) openArchive(ctx context.Context, dir string, opts archive.Options) (*archive.Archive, error) {
	p.app.limitMemoryTo(openMemoryLimit)
	progress, working := opts.Progress, false
	if progress == nil && !p.noProgress && p.app.barOnStderr() {
		// index draws its bar; every other command that opens an archive
		// left a terminal blank while it indexed: 5 s for a first list of
		// 10,000 articles, minutes at 100,000. Its bar shows once the
		// refresh has taken progressDelay, and is erased before the
		// output, which goes to the same terminal.
		// The delay is read once, here: the refresh reports from its
		// own goroutine, which an interrupted command leaves running.
		shown, start, delay := p.app.stderrProgress("newsdiff"), time.Now(), progressDelay
		p.bar.Store(shown)
		progress = func(pr archive.Progress) {
			if time.Since(start) >= delay {
				shown.show(pr)
			}
		}
		defer shown.erase()
	}
	opts.Progress = func(pr archive.Progress) {
		if !working {
			working = true
			p.app.raiseMemoryLimitTo(archiveMemoryLimit)
		}
		if progress != nil {
			progress(pr)
		}
	}
	isNew := newIndexFolder(dir)
	ar, err := archive.Open(ctx, dir, opts)
	if err != nil {
		return nil, archiveError(dir, err)
	}
	p.app.dir = dir
	problems := asNamed(dir, ar.Problems())
	// No article: one is enough to tell, with no copy of the whole
	// listing to count them. (Stories would tell as well, but for an
	// archive opened on named articles, which holds them in none.)
	if !hasArticles(ar) {
		writeEmptyNotes(&p.stderr, ar, nil)
		closeEmpty(ar, dir, isNew)
		p.report(warnedBefore(problems))
		return nil, noArticles(dir, problems)
	}
	writeOpenNotes(&p.stderr, ar, nil)
	p.report(problems)
	return ar, nil
}

// progressDelay is how long opening an archive runs before a command
// other than index shows its progress: a refresh that finds a few files
// changed takes milliseconds, and a bar flashing up on every list would
// be noise. git shows its progress after two seconds; a second is what a
// reader waits before wondering.
var progressDelay = time.Second

// newIndexFolder says whether the folder dir has no index folder yet, so
// that one opening it makes is this run's to remove (see dropNewIndex).
func newIndexFolder(dir string) bool {
	if dir == "" {
		return false
	}
	_, err := os.Lstat(filepath.Join(dir, archive.IndexDir))
	return errors.Is(err, fs.ErrNotExist)
}

// dropNewIndex removes the index folder that opening dir made, closed,
// when isNew says dir had none: a folder with no article is an error,
// and was left with a .newsdiff folder all the same, the wrong folder
// named (an empty one, a repository of code) as much as the right one.
func dropNewIndex(dir string, isNew bool) {
	if isNew {
		os.RemoveAll(filepath.Join(dir, archive.IndexDir))
	}
}

// closeEmpty closes ar, an archive with no article, and removes the
// index this run made for it: its index folder in dir (dropNewIndex), or
// the index in the user's cache directory, which the run that makes it
// notes (archive.Archive.IndexNote). A folder that could not be written
// (read-only, another user's) was given no .newsdiff folder and kept an
// index in the cache all the same, one for every wrong folder named.
func closeEmpty(ar *archive.Archive, dir string, isNew bool) {
	made, p := ar.IndexNote(nil) != "" && !ar.Temporary(), ar.IndexPath()
	ar.Close()
	dropNewIndex(dir, isNew)
	if made {
		archive.RemoveIndex(p)
	}
}

// writeEmptyNotes writes what writeOpenNotes writes of ar, an archive
// with no article whose index closeEmpty removes, but for the note of
// where its index is kept: it is kept nowhere.
func writeEmptyNotes(w io.Writer, ar *archive.Archive, probs []corpus.Problem) {
	for _, n := range openNotes(ar, probs) {
		if n.kind != "note" {
			fmt.Fprintf(w, "newsdiff: %s: %s\n", n.kind, n.text)
		}
	}
}

// hasArticles reports whether ar holds an article.
func hasArticles(ar *archive.Archive) bool {
	for range ar.All() {
		return true
	}
	return false
}

// archiveAt returns the archive a command given dir answers from: the one
// served (Env.Archive) when dir is "", as the server opened and refreshed
// it, else dir's, opened as openArchive opens it. done is to be called
// once the command is done with it: it closes what was opened, and leaves
// the served archive, which every session shares, open.
func (p *printer) archiveAt(ctx context.Context, dir string, opts archive.Options) (ar *archive.Archive, done func(), err error) {
	if dir == "" && p.app.env.Archive != nil {
		return p.app.env.Archive, func() {}, nil
	}
	if ar, err = p.openArchive(ctx, dir, opts); err != nil {
		return nil, nil, err
	}
	return ar, func() { ar.Close() }, nil
}

// openNote is one line of what opening an archive has to say: a note or
// a warning, its text safe to print.
type openNote struct {
	kind string // "note" or "warning"
	text string
}

// openNotes is what opening ar has to say: where its index went when not
// in its folder, then its warnings, then a warning for each of probs.
// Their text names the folder and the index, which may hold anything a
// file name may.
func openNotes(ar *archive.Archive, probs []corpus.Problem) []openNote {
	var notes []openNote
	if n := ar.IndexNote(Name); n != "" {
		notes = append(notes, openNote{"note", cell(n)})
	}
	for _, warning := range ar.Warnings(Name) {
		notes = append(notes, openNote{"warning", cell(warning)})
	}
	for _, p := range problemLines(probs) {
		notes = append(notes, openNote{"warning", p})
	}
	return notes
}

// writeOpenNotes writes to w, each line headed "newsdiff:", the notes
// and warnings opening ar has to say and a warning for each of probs, and
// returns their lines without the heads.
func writeOpenNotes(w io.Writer, ar *archive.Archive, probs []corpus.Problem) []string {
	var lines []string
	for _, n := range openNotes(ar, probs) {
		fmt.Fprintf(w, "newsdiff: %s: %s\n", n.kind, n.text)
		lines = append(lines, n.text)
	}
	return lines
}

// asNamed gives each problem's file as the command line named its folder:
// "stories/EVENTS.md", not the archive's absolute "/home/…/stories/EVENTS.md",
// as diff and git name files by the paths they were given.
func asNamed(dir string, probs []corpus.Problem) []corpus.Problem {
	root, err := filepath.Abs(dir)
	if err != nil || filepath.IsAbs(dir) {
		return probs
	}
	out := make([]corpus.Problem, len(probs))
	for i, pr := range probs {
		if rel, err := filepath.Rel(root, pr.Path); err == nil && !strings.HasPrefix(rel, "..") {
			pr.Path = filepath.Join(dir, rel)
		}
		out[i] = pr
	}
	return out
}

// namedFileError is err, an error reading a file of the folder dir, with
// the file named as asNamed names it: read through the archive, it named
// the file by its absolute path.
func namedFileError(dir string, err error) error {
	if p, ok := errors.AsType[corpus.Problem](err); ok {
		return asNamed(dir, []corpus.Problem{p})[0]
	}
	return err
}

// listArchive writes the listing of an archive from its index alone: the
// stories, then the articles that group with nothing under "not grouped";
// or, when storyName is given, the one story it names (listArchiveStory).
func (p *printer) listArchive(ctx context.Context, dir, format, storyName string) error {
	if storyName != "" {
		return p.listArchiveStory(ctx, dir, format, storyName)
	}
	ar, done, err := p.archiveAt(ctx, dir, archive.Options{})
	if err != nil {
		return err
	}
	defer done()
	if format == "json" {
		doc := listDoc{SchemaVersion: SchemaVersion, Articles: []listEntry{}}
		name := p.app.sourceNamer()
		for _, s := range ar.Stories() {
			doc.Articles = appendListEntries(doc.Articles, ar, s, name)
		}
		return writeJSON(&p.stdout, doc)
	}
	t := newListTable(p)
	stories := ar.Stories()
	shared := sharedNames(ar.All())
	inAlone := false
	for i, s := range stories {
		switch {
		case s.Alone && inAlone:
		case s.Alone && len(stories) > 1:
			// Each is a story of its own, numbered as --story takes
			// it; the stories that group with nothing come last, in
			// the order of their rows. Without the numbers, "quotes
			// DIR" asked for --story, "list DIR shows them", and
			// list showed one "# 1" above ten articles "not grouped".
			t.section(aloneHeading(i, len(stories)))
			inAlone = true
		case s.Alone:
			t.section("not grouped")
			inAlone = true
		case len(stories) > 1:
			t.section(storyHeading(i, s.Name))
		default:
			t.section("")
		}
		listRows(t, s.Entries, shared)
	}
	return t.Flush()
}

// listArchiveStory writes the story storyName names as listArchive lists
// it among all the others: under its number (archive.Story.Number) even
// when it is the only story, as a corpus in memory (writeList) and the
// README have it, and, for an article that groups with nothing, "not
// grouped", so that the number and the heading a user looked up read the
// same; its articles named as among all of them (archive.Namesakes).
//
// The archive is opened on that story alone when its index allows
// (archive.Options.Story), as quotes --story opens it: the whole archive
// was opened for the story's number, which the index keeps with the
// story, 1.7-2.2 s and 187 MB at 100,000 articles.
func (p *printer) listArchiveStory(ctx context.Context, dir, format, storyName string) error {
	ar, done, err := p.archiveAt(ctx, dir, archive.Options{Story: storyName})
	if err != nil {
		return err
	}
	defer done()
	s, err := p.app.findStory(ar, storyName)
	if err != nil {
		return err
	}
	if format == "json" {
		doc := listDoc{SchemaVersion: SchemaVersion, Articles: appendListEntries([]listEntry{}, ar, s, p.app.sourceNamer())}
		return writeJSON(&p.stdout, doc)
	}
	namesakes, err := ar.Namesakes(ctx, s.Entries)
	if err != nil {
		return err
	}
	heading := s.Name
	if s.Alone {
		heading = "not grouped"
	}
	t := newListTable(p)
	t.section(storyHeading(s.Number-1, heading))
	listRows(t, s.Entries, sharedNames(slices.Values(namesakes)))
	return t.Flush()
}

// appendListEntries appends the articles of s, of ar, to es as list
// --format json gives them, their files named by name.
func appendListEntries(es []listEntry, ar *archive.Archive, s *archive.Story, name func(string) string) []listEntry {
	for _, e := range s.Entries {
		es = append(es, newListEntry(s.Name, e.Article, e.Outlet, e.Title, e.Words, e.Date, e.URL, name(ar.Path(e))))
	}
	return es
}

// listRows adds a row to t for each of entries, each named by its id, or
// by its file name when shared (sharedNames) has its name.
func listRows(t *listTable, entries []archive.Entry, shared map[string]bool) {
	t.reserve(len(entries))
	for _, e := range entries {
		id := e.Article
		if len(shared) > 0 && shared[entryName(e)] {
			// a.txt beside a.md: each as diff names it.
			id = path.Base(e.Path)
		}
		t.row(id, e.Outlet, e.Words, e.Title)
	}
}

// aloneHeading heads the articles that group with nothing, stories i (from
// 0) to n-1: "# 2–11 · not grouped", or "# 11 · not grouped" for one.
func aloneHeading(i, n int) string {
	if i == n-1 {
		return storyHeading(i, "not grouped")
	}
	return fmt.Sprintf("%d–%d · not grouped", i+1, n)
}

// findStory finds the story a --story value names in an archive, its
// error worded for the command line.
func (a *app) findStory(ar *archive.Archive, name string) (*archive.Story, error) {
	s, err := ar.FindStory(name)
	if err != nil {
		return nil, fmt.Errorf("%s %s", cell(pickMessage(err)), a.tryList(""))
	}
	return s, nil
}

// archiveStories reads the stories a story command analyses from an
// archive: the one --story names, or all of them when there are few. Only
// the first analysis.MaxArticles articles of a story are read, as no more
// are analysed; each story counts the rest (corpus.Story.Unread).
func (p *printer) archiveStories(ctx context.Context, ar *archive.Archive, name string) ([]*corpus.Story, error) {
	var chosen []*archive.Story
	switch {
	case name != "":
		s, err := p.app.findStory(ar, name)
		if err != nil {
			return nil, err
		}
		chosen = []*archive.Story{s}
	case len(ar.Stories()) == 0:
		return nil, errors.New("no articles to compare")
	case len(ar.Stories()) > maxAllStories:
		return nil, usagef("%s here; name one with --story (%s shows them)", plural.Count(len(ar.Stories()), "story", "stories"), p.app.listCommand(""))
	default:
		chosen = ar.Stories()
	}
	var out []*corpus.Story
	for _, s := range chosen {
		st, probs, err := ar.Load(ctx, s, analysis.MaxArticles)
		if err != nil {
			return nil, err
		}
		if p.app.servedHere(ar) {
			probs = servedProblems(ar.Root(), probs)
		} else {
			probs = asNamed(p.app.dir, probs)
		}
		p.report(probs)
		out = append(out, st)
	}
	return out, nil
}

// diffInArchive reads the two articles diff compares from an archive's
// index: a file path names a file, anything else an article of the archive,
// or of its story storyName names when that is given (diff --story), so
// that an id every story has ("01_nytimes") names one article.
func (a *app) diffInArchive(ctx context.Context, p *printer, dir, storyName string, names ...string) ([]*corpus.Article, error) {
	// Over SSH (no files) every name is an article's: a client may not
	// read the server's files, nor learn which exist.
	files := a.env.Files
	// inArchive says, by name, whether it is looked up in the archive:
	// asked once each, as the lookup, the refresh and the reading that
	// follows all ask it.
	inArchive := map[string]bool{}
	for _, arg := range names {
		// "-" is standard input, as beside no folder: it was looked up
		// as an id ("no article with id or outlet "-"").
		inArchive[arg] = !files || arg != "-" && (!looksLikePath(arg) || !pathExists(arg))
	}
	// entries are the articles names are looked up among.
	entries := func(ar *archive.Archive) (iter.Seq[archive.Entry], error) {
		if storyName == "" {
			return ar.All(), nil
		}
		s, err := a.findStory(ar, storyName)
		if err != nil {
			return nil, err
		}
		return slices.Values(s.Entries), nil
	}
	// find looks arg up in the archive; false when arg is a file to read
	// instead, named without a dot or slash ("old") and no article's id
	// or outlet, as resolve takes it.
	find := func(arg string, ar *archive.Archive) (archive.Entry, bool, error) {
		among, err := entries(ar)
		if err != nil {
			return archive.Entry{}, true, err
		}
		e, err := findInArchive(arg, among)
		if _, ok := errors.AsType[ambiguousError](err); ok && storyName == "" {
			if in, ok := storyOfOther(arg, names, ar, files); ok {
				if e, err := findInArchive(arg, in); err == nil {
					return e, true, nil
				}
			}
		}
		if errors.Is(err, errNoArticle) {
			switch {
			case files && isRegularFile(arg):
				return e, false, nil
			case storyName != "" && !looksLikePath(arg):
				err = fmt.Errorf("no article with id or outlet %s in story %s %s", quoteArg(arg), quoteArg(storyName), a.tryList(" --story "+a.word(storyName)))
			default:
				err = a.noArticleIn(dir, arg)
			}
		}
		return e, true, err
	}
	// findOnce is find, answering again from what it found while the
	// archive holds the listing it looked in (archive.Listings): the
	// refresh's Focus and the reading after it ask for the same names,
	// and a name only an outlet matches goes through every entry several
	// times, 30 to 70 ms at 100,000 articles (BenchmarkFindInArchiveByOutlet).
	type lookedUp struct {
		listing int
		e       archive.Entry
		ok      bool
	}
	foundBefore := map[string]lookedUp{}
	findOnce := func(arg string, ar *archive.Archive) (archive.Entry, bool, error) {
		if f, ok := foundBefore[arg]; ok && f.listing == ar.Listings() {
			return f.e, f.ok, nil
		}
		e, ok, err := find(arg, ar)
		if err == nil {
			foundBefore[arg] = lookedUp{ar.Listings(), e, ok}
		}
		return e, ok, err
	}
	// The refresh need look only at the files of the two articles, or
	// of the story that holds them; and the articles, found in the index
	// by their ids or paths, need no listing.
	opts := archive.Options{Story: storyName}
	var unknown error // a name the index says is no article's
	if storyName == "" {
		opts.Lookup = func(ctx context.Context, f archive.Finder) ([]archive.Entry, bool, error) {
			var named []archive.Entry
			for _, arg := range names {
				if !inArchive[arg] {
					continue
				}
				e, ok, err := lookUpInArchive(ctx, arg, f)
				if errors.Is(err, errNamesNothing) {
					// The index is as fresh as it would be trusted
					// to find the name (archive.Options.Lookup): a
					// typo fails at once, where it refreshed the
					// whole archive only to fail (0.23 s at 3,900
					// articles, now 0.04 s). A file of that name,
					// though, is read.
					if files && isRegularFile(arg) {
						return nil, false, nil
					}
					a.dir = dir // its hint lists the folder, as after opening it
					unknown = a.noArticleIn(dir, arg)
					return nil, false, unknown
				}
				if err != nil || !ok {
					return nil, false, err
				}
				named = append(named, e)
			}
			return named, len(named) > 0, nil
		}
		opts.Focus = func(ar *archive.Archive) ([]archive.Entry, error) {
			var named []archive.Entry
			for _, arg := range names {
				if inArchive[arg] {
					e, ok, err := findOnce(arg, ar)
					if err != nil {
						return nil, err
					}
					if ok {
						named = append(named, e)
					}
				}
			}
			return named, nil
		}
	}
	ar, done, err := p.archiveAt(ctx, dir, opts)
	if unknown != nil && errors.Is(err, unknown) {
		return nil, unknown // as the listing would have said it
	}
	if err != nil {
		return nil, err
	}
	defer done()
	var arts []*corpus.Article
	sidecars := new(corpus.Files) // each folder's meta.json read once
	for _, arg := range names {
		var art *corpus.Article
		found := false
		if inArchive[arg] {
			var e archive.Entry
			if e, found, err = findOnce(arg, ar); found && err == nil {
				art, err = ar.Article(ctx, e)
				if a.servedHere(ar) {
					err = servedFileError(ar.Root(), ar.Path(e), err)
				} else {
					err = namedFileError(dir, err)
				}
			}
		}
		if !found {
			art, err = a.resolve(arg, nil, p, sidecars)
		}
		if err != nil {
			return nil, err
		}
		arts = append(arts, art)
	}
	return arts, nil
}

// noArticleIn is the error for arg, a name no article of the archive in
// dir has: when it names a file of the folder (its path there, with or
// without its extension) that the index skips, why the file is no article,
// as diff given the file's own path says it. "bridge/03_empty" was said to
// be no such file, as if looked for from the working directory alone.
func (a *app) noArticleIn(dir, arg string) error {
	if a.env.Files && dir != "" && arg != "" && !filepath.IsAbs(arg) {
		for _, ext := range []string{"", ".txt", ".md", ".html", ".htm"} {
			p := filepath.Join(dir, arg+ext)
			if !corpus.IsArticleName(filepath.Base(p)) || !isRegularFile(p) {
				continue
			}
			if _, _, err := a.loadArticle(p, nil); err != nil {
				return err
			}
		}
	}
	return a.noArticle(arg)
}

// storyOfOther returns the articles of the story that holds the article
// another of names names, alone: for arg, the one name of the two that
// is ambiguous, it is where arg is looked up again. In a folder of
// stories, "diff gop-aide/01_nytimes 02_foxnews" was refused, "02_foxnews"
// being in several stories, where the first name says which story is
// meant, as --story does. With files, another named by its path from
// the working directory ("stories/gop-aide/01_nytimes.txt", as the shell
// completes it) is the folder's article at that place.
func storyOfOther(arg string, names []string, ar *archive.Archive, files bool) (iter.Seq[archive.Entry], bool) {
	for _, other := range names {
		if other == arg {
			continue
		}
		oe, err := findInArchive(other, ar.All())
		if err != nil {
			var ok bool
			if oe, ok = entryAtPath(other, ar, files); !ok {
				continue
			}
		}
		for _, s := range ar.Stories() {
			if slices.ContainsFunc(s.Entries, func(e archive.Entry) bool { return e.Path == oe.Path }) {
				return slices.Values(s.Entries), true
			}
		}
	}
	return nil, false
}

// entryAtPath returns the archive's article at the file path name, from
// the working directory, when files are read and name is a file's path
// within the archive's folder.
func entryAtPath(name string, ar *archive.Archive, files bool) (archive.Entry, bool) {
	if !files || !looksLikePath(name) || !isRegularFile(name) {
		return archive.Entry{}, false
	}
	file, err := filepath.Abs(name)
	if err != nil {
		return archive.Entry{}, false
	}
	root, err := filepath.Abs(ar.Root())
	if err != nil {
		return archive.Entry{}, false
	}
	rel, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsLocal(rel) {
		return archive.Entry{}, false
	}
	rel = filepath.ToSlash(rel)
	for e := range ar.All() {
		if e.Path == rel {
			return e, true
		}
	}
	return archive.Entry{}, false
}

// findInArchive finds the article arg names among an archive's entries,
// as resolve does in a loaded corpus: an id, its path in the archive
// with or without its extension ("gop-aide/01_nytimes", which tells apart
// the 01_nytimes of two stories) or a unique prefix of that, a unique id
// prefix, an outlet or a unique outlet prefix (see archiveTries).
func findInArchive(arg string, entries iter.Seq[archive.Entry]) (archive.Entry, error) {
	// Two files of one folder and one id (a.txt, a.md) are named by
	// their paths, which tell them apart and which diff takes: "a" is
	// ambiguous: a, a" named neither.
	var shared map[string]bool
	name := func(e archive.Entry) string {
		if shared == nil {
			shared = sharedNames(entries)
		}
		if n := entryName(e); !shared[n] {
			return choiceName(n, e.Article, e.Outlet)
		}
		return choiceName(e.Path, e.Article, e.Outlet)
	}
	var tries []func(archive.Entry) bool
	for _, t := range archiveTries(arg) {
		tries = append(tries, t.match)
	}
	if e, ok, err := pickOne(arg, entries, name, 10, tries...); ok {
		return e, err
	}
	return archive.Entry{}, fmt.Errorf("%w with id or outlet %s", errNoArticle, quoteArg(arg))
}

// archiveTry is one of the rules by which an argument names an article
// of an archive: match tells the entries it names; keys select, in the
// index, every entry match can name (none when it can name none), unless
// unindexed says the index cannot select them.
type archiveTry struct {
	match     func(archive.Entry) bool
	keys      []archive.Key
	unindexed bool
}

// archiveTries are the rules by which arg names an article of an
// archive, in the order they are tried: the first to name any entry
// names the article, and is ambiguous when it names several.
func archiveTries(arg string) []archiveTry {
	// An entry is named by its path without the extension, which the
	// archive takes back: its id alone ("01_nytimes" eight times over)
	// named none of several. A path without the extension is the path
	// itself, or the path with "." and more after it.
	inFolder := archiveTry{
		match: func(e archive.Entry) bool {
			return e.Path == arg || (strings.Contains(arg, "/") && entryName(e) == arg)
		},
		keys: []archive.Key{{Field: archive.ByPath, Value: arg}},
	}
	// A file's name, as a flat folder's files are named: in a folder of
	// stories, "01_nytimes.txt" with --story gop named no article, and
	// without --story was not said to be in several stories. An
	// article's id is its file's name without the extension.
	fileName := archiveTry{match: func(e archive.Entry) bool {
		return !strings.Contains(arg, "/") && path.Base(e.Path) == arg
	}}
	inFolderPrefix := archiveTry{match: func(e archive.Entry) bool {
		return strings.Contains(arg, "/") && strings.HasPrefix(entryName(e), arg)
	}}
	if strings.Contains(arg, "/") {
		inFolder.keys = append(inFolder.keys, archive.Key{Field: archive.ByPath, Value: arg + ".", Prefix: true})
		inFolderPrefix.keys = []archive.Key{{Field: archive.ByPath, Value: arg, Prefix: true}}
	} else {
		fileName.keys = []archive.Key{{Field: archive.ByArticle, Value: strings.TrimSuffix(arg, path.Ext(arg))}}
	}
	idOrOutlet := byIDOrOutlet(arg,
		func(e archive.Entry) string { return e.Article },
		func(e archive.Entry) string { return e.Outlet })
	return []archiveTry{
		{
			match: func(e archive.Entry) bool { return e.Article == arg },
			keys:  []archive.Key{{Field: archive.ByArticle, Value: arg}},
		},
		inFolder,
		fileName,
		inFolderPrefix,
		// byIDOrOutlet's: an id's prefix, then an outlet, then an
		// outlet's prefix, both of any case, which the index does not
		// keep.
		{match: idOrOutlet[0], keys: []archive.Key{{Field: archive.ByArticle, Value: arg, Prefix: true}}},
		{match: idOrOutlet[1], unindexed: true},
		{match: idOrOutlet[2], unindexed: true},
	}
}

// lookupCandidates is how many entries a rule's keys may select in the
// index for lookUpInArchive to judge: a name that selects more is left
// to the listing.
const lookupCandidates = 16

// lookUpInArchive finds the article arg names through the archive's index,
// as findInArchive finds it among all the archive's entries, and reports
// false when it cannot tell: when arg names several articles
// (findInArchive's error names them, from the listing), or only a rule the
// index cannot answer would name it. The rules are tried in order: one
// whose keys select nothing names nothing, and one by outlet names nothing
// when no outlet of the index is one it matches. When no rule names
// anything, the error is errNamesNothing.
func lookUpInArchive(ctx context.Context, arg string, f archive.Finder) (archive.Entry, bool, error) {
	var outlets []string // the index's, asked for once
	for _, t := range archiveTries(arg) {
		if t.unindexed {
			if outlets == nil {
				var err error
				if outlets, err = f.Outlets(ctx); err != nil {
					return archive.Entry{}, false, err
				}
			}
			for _, o := range outlets {
				if t.match(archive.Entry{Outlet: o}) {
					// Its articles are found in the listing.
					return archive.Entry{}, false, nil
				}
			}
			continue
		}
		if len(t.keys) == 0 {
			continue
		}
		candidates, complete, err := f.Find(ctx, t.keys, lookupCandidates)
		if err != nil {
			return archive.Entry{}, false, err
		}
		var named []archive.Entry
		for _, e := range candidates {
			if t.match(e) {
				named = append(named, e)
			}
		}
		switch {
		case len(named) == 1 && complete:
			return named[0], true, nil
		case len(named) > 0 || !complete:
			return archive.Entry{}, false, nil
		}
	}
	return archive.Entry{}, false, errNamesNothing
}

// errNamesNothing is lookUpInArchive's error for a name no article of the
// index has.
var errNamesNothing = errors.New("names no article of the index")

// sharedNames returns the names (entryName) that two or more of entries
// have: a.txt and a.md of one folder. Two entries of one name differ in
// their extension, so only the names of entries whose extension is not
// the first entry's are kept, with the others looked up among them: an
// archive of one extension keeps none, rather than a map of 100,000
// names. It goes over entries twice.
func sharedNames(entries iter.Seq[archive.Entry]) map[string]bool {
	shared := map[string]bool{}
	var base string
	first := true
	others := map[string]int{} // by name, entries not of base's extension
	for e := range entries {
		ext := path.Ext(e.Path)
		if first {
			base, first = ext, false
		}
		if ext != base {
			others[e.Path[:len(e.Path)-len(ext)]]++
		}
	}
	if len(others) == 0 {
		return shared
	}
	for n, count := range others {
		if count > 1 {
			shared[n] = true
		}
	}
	for e := range entries {
		if ext := path.Ext(e.Path); ext == base {
			if n := e.Path[:len(e.Path)-len(ext)]; others[n] > 0 {
				shared[n] = true
			}
		}
	}
	return shared
}

// entryName is an entry's path in its archive without the extension:
// "gop-aide/01_nytimes", or the id alone for a file at the root.
func entryName(e archive.Entry) string { return strings.TrimSuffix(e.Path, path.Ext(e.Path)) }

// errNoArticle is what findInArchive's error wraps when no entry matches;
// its caller words the error, with the hint of the command that lists
// them as the one who runs it names it.
var errNoArticle = errors.New("no article")

// archiveMemoryLimit is a soft limit on the heap while an archive is
// opened from the command line. Building the index of a large archive keeps
// every new article's grouping signature in memory, a few hundred
// megabytes at 100,000 articles, and by default the collector lets the heap
// grow to twice what is live before collecting; near this limit it
// collects more often instead, trading a little CPU for a peak the machine
// can afford. GOMEMLIMIT overrides it. Only local commands set it: it is
// the process's, and a server's heap grows with its sessions.
const archiveMemoryLimit = 384 << 20

// openMemoryLimit is the soft heap limit while a command opens an archive
// whose index is up to date. Opening 100,000 articles decodes their
// listing: the live heap peaks at 137 MB and settles at 70–93 MB. With the
// limit above that peak the collector's timing alone left the process at
// 250–291 MiB of RSS against the archive's bound of 300 MiB; with this one
// it stays at 225–239 MiB for no measurable time (2 cores, side by side).
// A refresh that finds files to read raises the limit to
// archiveMemoryLimit at its first progress report: reading and grouping
// keeps more live.
const openMemoryLimit = 192 << 20

// indexMemoryLimit is the soft heap limit of newsdiff index, which keeps
// no articles in a cache: building the index of 100,000 articles, its live
// heap peaks at 171 MB, while grouping, and by default the collector lets
// it grow to 342 MB before collecting. Near this limit it collects a
// little sooner, for a peak RSS of some 40 MB less at no measurable CPU.
const indexMemoryLimit = 288 << 20

// comparisonMemoryLimit is the soft heap limit while diff compares two
// articles. Two 5 MiB articles of prose segment into 1.5 million tokens
// each and keep about 166 MB live at the peak of their comparison, which
// makes as much garbage again: near this limit the collector runs before
// the garbage doubles the heap. A 5 MiB article against itself peaks at
// 196 MiB of RSS with it and 244 MiB without, for 0.1 s more CPU.
const comparisonMemoryLimit = 192 << 20

func (a *app) limitMemory() { a.limitMemoryTo(archiveMemoryLimit) }

// raiseMemoryLimitTo raises the process's soft heap limit to limit, when
// it is lower and was set by limitMemoryTo rather than GOMEMLIMIT.
func (a *app) raiseMemoryLimitTo(limit int64) {
	if a.env.Local == nil || a.env.Local.getenv("GOMEMLIMIT") != "" {
		return
	}
	if debug.SetMemoryLimit(-1) < limit {
		debug.SetMemoryLimit(limit)
	}
}

// limitMemoryTo lowers the process's soft heap limit to limit, unless
// GOMEMLIMIT sets one or this is not the local command line.
func (a *app) limitMemoryTo(limit int64) {
	if a.env.Local == nil || a.env.Local.getenv("GOMEMLIMIT") != "" {
		return
	}
	if debug.SetMemoryLimit(-1) > limit {
		debug.SetMemoryLimit(limit)
	}
}
