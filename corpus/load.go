package corpus

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// MaxFileSize is the largest file the loaders read, in bytes. Anything
// larger is refused: no news article comes close, and reading it would only
// cost memory. It is the importers' limit too.
const MaxFileSize = extract.MaxSize

// sidecarName is the file that gives per-file metadata for its directory.
const sidecarName = "meta.json"

// NoWords is the problem of a file that loads to no words: empty, blank,
// or markup alone.
const NoWords = "no words"

// Problem is something wrong with one file that loading worked around. A
// Problem never stops the other files from loading.
type Problem struct {
	Path    string // the file, as the article's Source would name it
	Offset  int    // the byte offset in the file the problem is at, or -1
	Msg     string
	Skipped bool // the file was not loaded
	// More is how many more files than Msg names the problem is about,
	// said after it as " and 1,234 more"; 0 for none. Like analysis.Limit,
	// the problem holds the figure rather than the finished words, so that
	// what people read groups its digits and what a program reads (an
	// index, Error) keeps them bare.
	More int
}

// Error formats the problem as "path: msg", saying "skipped" after the
// path when the file was and "byte 123" before the message when there is
// an offset: "path: skipped: byte 0: msg".
func (p Problem) Error() string { return p.Text(strconv.Itoa) }

// Text is Error with the problem's counts written by count: digits.Group
// for a line people read.
func (p Problem) Text(count func(int) string) string {
	prefix := p.Path + ": "
	if p.Skipped {
		prefix += "skipped: "
	}
	return prefix + p.DetailText(count)
}

// Detail is what is wrong, without the file or whether it was skipped:
// "byte 123: msg", or msg when there is no offset. It is what an index
// keeps of a problem beside the path and the skipped flag, so that a
// Problem made again from the three reads as the one loading found.
func (p Problem) Detail() string { return p.DetailText(strconv.Itoa) }

// DetailText is Detail with the count of More written by count. The byte
// offset is a place, typed back as it is printed, and stays bare.
func (p Problem) DetailText(count func(int) string) string {
	msg := p.Msg
	if p.More > 0 {
		msg += " and " + count(p.More) + " more"
	}
	if p.Offset < 0 {
		return msg
	}
	return "byte " + strconv.Itoa(p.Offset) + ": " + msg
}

// Is reports whether target is fs.ErrNotExist and the problem is a
// symbolic link to nothing (LinkToNothing): nothing is at the end of the
// name, as a caller that tests errors.Is(err, fs.ErrNotExist) asks.
func (p Problem) Is(target error) bool {
	return target == fs.ErrNotExist && p.Msg == LinkToNothing
}

// Stat is os.Stat, except that a symbolic link to nothing is said to be
// one: the error is then the Problem LinkToNothing of path, skipped, which
// satisfies errors.Is(err, fs.ErrNotExist) as os.Stat's error does. The
// loaders and the archive stat the paths they are given with it, so that
// every command names such a link alike.
func Stat(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		l, _, name := fileLoader(path)
		if p := l.linkToNothing(name, err); p != nil {
			return nil, *p
		}
	}
	return info, err
}

// LoadFS loads every .txt, .md, .html and .htm file of fsys, at any depth,
// in sorted path order. A .html or .htm file is read as a saved web page
// and a .md file as Markdown (see package extract): an article's Raw, which
// its offsets index, is then the page's article in newsdiff's text format,
// or the Markdown's front matter followed by its text with the markup gone.
// Each directory holding articles is a story named after the directory's
// path; the files at the root form the story called name. When
// fsys has no subdirectories, its files may still report several unrelated
// events: Corpus.Flat says so, and package story can group them into
// stories by content (an article that names its story in its metadata
// keeps it).
//
// An article's metadata comes from its front matter (see below), else from
// a meta.json in its directory, an object keyed by file name whose values
// may set "outlet", "title", "url", "date", "byline", "lang" and "story"; a "story" moves the
// article to that story. Without either, the title is the first line of the
// text, and the outlet is taken from the last credit line of the text
// ("Source: Al Jazeera, News Agencies", "TRTWorld and agencies") or else is
// the file name without its extension (the article's ID).
//
// Front matter is an optional block at the start of a file, after any
// byte-order mark: a line "---", lines "key: value" with the keys above
// (values may be quoted), and a closing line "---". The article's Body
// starts after it; Raw keeps every byte of the file. Hidden files and
// directories, and README files, are left out.
//
// A file that cannot be used is skipped and reported as a Problem; the rest
// still load. LoadFS returns an error only when the root of fsys cannot be
// read. A corpus with no articles is not an error here: callers decide.
func LoadFS(fsys fs.FS, name string) (*Corpus, []Problem, error) {
	return loadFS(fsys, name, func(p string) string { return p })
}

// LoadDir loads the directory at path as LoadFS does, naming the root story
// after the directory, with every Source and Problem path under path. If
// path is a regular file, LoadDir loads that one file as a corpus of one
// article. A path that is missing or cannot be read is an error naming it.
func LoadDir(path string) (*Corpus, []Problem, error) {
	info, err := Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		a, problems, err := LoadFile(path)
		var p Problem
		switch {
		case errors.As(err, &p):
			return &Corpus{}, append(problems, p), nil
		case err != nil:
			return nil, problems, err
		}
		return &Corpus{Stories: []*Story{{Name: a.Story, Articles: []*Article{a}}}}, problems, nil
	}
	c, problems, err := loadFS(dirFS(path), dirName(path), func(rel string) string {
		return filepath.Join(path, filepath.FromSlash(rel))
	})
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		pe.Path = filepath.Join(path, filepath.FromSlash(pe.Path))
	}
	return c, problems, err
}

// LoadFile loads the article in the file at path, using the meta.json beside
// it if there is one; its story is its directory's name unless its metadata
// says otherwise. The problems are warnings about an article that loaded.
// If the file cannot be read the error names it, and if it is skipped (see
// Problem) the error is that Problem: a symbolic link to nothing is the
// Problem LinkToNothing, which satisfies errors.Is(err, fs.ErrNotExist).
func LoadFile(path string) (*Article, []Problem, error) {
	return new(Files).Load(path)
}

// Files loads articles from files named one at a time, as LoadFile and
// LoadBytes do, reading the meta.json of each folder once: each file
// loaded alone read and parsed its folder's sidecar again (twice for the
// two files a diff compares, once per file for an index's refresh). Make
// one for one operation, which then sees each sidecar as it was when
// first read, and drop it after. The zero value is ready to use, and it is
// safe for concurrent use.
type Files struct {
	mu       sync.Mutex
	sidecars map[string]*sidecarRead // by folder
}

// sidecarRead is a folder's meta.json as read once: what it says, and
// what is wrong with it.
type sidecarRead struct {
	once     sync.Once
	meta     map[string]fileMeta
	problems []Problem
}

// sidecar returns the meta.json of the folder dir, read with l the first
// time it is asked for. dir is as absDir names it, so that the folder is
// one however it was named ("news", "./news", "/home/me/news").
func (f *Files) sidecar(l *loader, dir string) (map[string]fileMeta, []Problem) {
	f.mu.Lock()
	if f.sidecars == nil {
		f.sidecars = make(map[string]*sidecarRead)
	}
	r := f.sidecars[dir]
	if r == nil {
		r = new(sidecarRead)
		f.sidecars[dir] = r
	}
	f.mu.Unlock()
	r.once.Do(func() { r.meta, r.problems = l.readSidecar(sidecarName) })
	// Each article loaded beside a sidecar that cannot be used is told so,
	// as when it was read for each.
	return r.meta, slices.Clone(r.problems)
}

// Load loads the article in the file at path as LoadFile does.
func (f *Files) Load(path string) (*Article, []Problem, error) {
	raw, err := ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return f.LoadBytes(path, raw)
}

// ReadFile returns the bytes of the file at path as LoadFile reads them,
// with its checks: the error names a path that cannot be read, or is the
// Problem that skips the file (a symbolic link to nothing, a file that is
// not a regular one or is larger than MaxFileSize). A caller that wants
// the bytes as well as the article, to hash them, reads them once with it
// and loads them with LoadBytes.
func ReadFile(path string) ([]byte, error) {
	info, err := Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "load", Path: path, Err: errors.New("is a directory")}
	}
	l, _, name := fileLoader(path)
	raw, prob := l.readFile(name)
	if prob != nil {
		return nil, *prob
	}
	return raw, nil
}

// LoadBytes loads raw, the bytes ReadFile read from the file at path, as
// LoadFile loads that file: with the meta.json beside it, and the
// problems and errors LoadFile gives. It may keep raw.
func LoadBytes(path string, raw []byte) (*Article, []Problem, error) {
	return new(Files).LoadBytes(path, raw)
}

// LoadBytes loads raw, the bytes ReadFile read from the file at path, as
// LoadBytes does.
func (f *Files) LoadBytes(path string, raw []byte) (*Article, []Problem, error) {
	l, dir, name := fileLoader(path)
	dir = absDir(dir) // made absolute once, for the sidecar and the story
	side, problems := f.sidecar(&l, dir)
	return loadBytes(&l, path, name, raw, filepath.Base(dir), side[name], problems)
}

// LoadAs loads the article in the file at path as Load does, unless the
// meta.json beside it has no entry for it: then it loads as the first of
// names, files named by their paths, that has an entry in the meta.json
// beside it (else as the first of names) would, with that entry and that
// folder's name for its story. A copy of a file made elsewhere, such as
// the temporary file git writes an older version of "news/a.txt" to, so
// takes the outlet "news/meta.json" gives the file itself. The names need
// not exist.
func (f *Files) LoadAs(path string, names ...string) (*Article, []Problem, error) {
	raw, err := ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	l, dir, name := fileLoader(path)
	dir = absDir(dir)
	side, problems := f.sidecar(&l, dir)
	meta, ok := side[name]
	story := filepath.Base(dir)
	seen := map[string]bool{dir: true}
	for i, n := range names {
		if ok {
			break
		}
		nl, ndir, nname := fileLoader(n)
		ndir = absDir(ndir)
		if i == 0 {
			story = filepath.Base(ndir)
		}
		nside, probs := f.sidecar(&nl, ndir)
		if !seen[ndir] {
			// A folder's sidecar that cannot be used is said once.
			seen[ndir] = true
			problems = append(problems, probs...)
		}
		if meta, ok = nside[nname]; ok {
			story = filepath.Base(ndir)
		}
	}
	return loadBytes(&l, path, name, raw, story, meta, problems)
}

// loadBytes makes the article of raw, read from the file at path (name in
// l), with the metadata side and the story dirStory, after problems.
func loadBytes(l *loader, path, name string, raw []byte, dirStory string, side fileMeta, problems []Problem) (*Article, []Problem, error) {
	a, more := l.newArticle(name, raw, strings.TrimSuffix(name, filepath.Ext(name)), dirStory, side)
	problems = append(problems, more...)
	if a == nil {
		for i, p := range problems {
			if p.Skipped && p.Path == path {
				return nil, slices.Delete(problems, i, i+1), p
			}
		}
	}
	return a, problems, nil
}

// SidecarProblem returns what is wrong with the meta.json at path (not
// JSON, not a regular file…), as loading the articles beside it reports
// it, or nil when nothing is, or it is not there.
func SidecarProblem(path string) *Problem {
	l, _, name := fileLoader(path)
	if _, probs := l.readSidecar(name); len(probs) > 0 {
		return &probs[0]
	}
	return nil
}

// fileLoader returns a loader of the folder of the file at path, which
// names that file as path does (its problems name it so), with the folder
// and the file's name in it.
func fileLoader(path string) (l loader, dir, name string) {
	dir, name = filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	l = loader{fsys: dirFS(dir), source: func(rel string) string {
		if rel == name {
			return path
		}
		return filepath.Join(dir, filepath.FromSlash(rel))
	}}
	return l, dir, name
}

// dirName names a story after the directory at path.
func dirName(path string) string { return filepath.Base(absDir(path)) }

// absDir returns the directory at path as an absolute path, or path as
// given when the working directory cannot be had.
func absDir(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// loader reads the files of one file system. It is not changed once made,
// so one loader serves many goroutines.
type loader struct {
	fsys fs.FS
	// source turns a path in fsys into the path reported in Article.Source
	// and Problem.Path.
	source func(string) string
}

func loadFS(fsys fs.FS, name string, source func(string) string) (*Corpus, []Problem, error) {
	l := loader{fsys: fsys, source: source}
	var problems []Problem
	var files, sidecars, others []string
	links := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			problems = append(problems, l.problem(p, -1, true, "%s", ReadProblem(err)))
			return nil
		}
		hidden := p != "." && strings.HasPrefix(d.Name(), ".")
		link := d.Type()&fs.ModeSymlink != 0
		if link && !hidden {
			if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
				problems = append(problems, l.problem(p, -1, true, "%s", LinkToFolder))
				return nil
			}
		}
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case d.IsDir() || hidden:
		case d.Name() == sidecarName:
			sidecars = append(sidecars, p)
		case IsArticleName(d.Name()):
			files = append(files, p)
			if link {
				links[p] = true
			}
		case d.Type().IsRegular() && !isRepositoryArticle(d.Name()):
			// A README.md among them is left out: "reads .md files,
			// not README.md" read as a contradiction.
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 && len(others) > 0 {
		msg, more := unreadKinds(others)
		p := l.problem(".", -1, false, "%s", msg)
		p.More = more
		problems = append(problems, p)
	}

	meta := make(map[string]map[string]fileMeta, len(sidecars))
	for _, p := range sidecars {
		m, more := l.readSidecar(p)
		meta[path.Dir(p)] = m
		problems = append(problems, more...)
	}

	// Reading and segmenting files is independent work, so it is spread
	// over the processors; each result keeps its place, so the corpus does
	// not depend on which finished first. Articles are in the order of
	// their names (CompareNames), as the problems are.
	slices.SortFunc(files, CompareNames)
	files, problems = l.readOnce(files, links, problems)
	type result struct {
		a        *Article
		problems []Problem
	}
	results := make([]result, len(files))
	forEach(len(files), func(i int) {
		p := files[i]
		dir, story := path.Dir(p), name
		if dir != "." {
			story = dir
		}
		results[i].a, results[i].problems = l.load(p, story, meta[dir][path.Base(p)])
	})

	var loaded []*Article
	for _, r := range results {
		problems = append(problems, r.problems...)
		if r.a != nil {
			loaded = append(loaded, r.a)
		}
	}
	c := &Corpus{Name: name, Flat: true}
	for _, p := range files {
		c.Flat = c.Flat && path.Dir(p) == "."
	}
	stories := make(map[string]*Story)
	for _, a := range loaded {
		s := stories[a.Story]
		if s == nil {
			s = &Story{Name: a.Story}
			stories[a.Story] = s
			c.Stories = append(c.Stories, s)
		}
		s.Articles = append(s.Articles, a)
	}
	SortProblems(problems)
	return c, problems, nil
}

// readOnce leaves out of files, in path order, each symbolic link to a
// file another of them reaches, and reports it.
func (l *loader) readOnce(files []string, links map[string]bool, problems []Problem) ([]string, []Problem) {
	if len(links) == 0 {
		return files, problems
	}
	link := make([]bool, len(files))
	infos := make([]fs.FileInfo, len(files))
	for i, p := range files {
		link[i] = links[p]
		if info, err := fs.Stat(l.fsys, p); err == nil {
			infos[i] = info
		}
	}
	twice := SameFileLinks(files, link, infos)
	if len(twice) == 0 {
		return files, problems
	}
	kept := files[:0:0]
	for i, p := range files {
		if msg, ok := twice[i]; ok {
			problems = append(problems, l.problem(p, -1, true, "%s", msg))
			continue
		}
		kept = append(kept, p)
	}
	return kept, problems
}

// forEach calls f(0), …, f(n-1) from up to GOMAXPROCS goroutines and
// returns when all calls have.
func forEach(n int, f func(int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// unreadKinds says that none of files is one newsdiff reads, and which
// kinds it does read, naming the first few files; more is how many it
// leaves unnamed, for Problem.More.
func unreadKinds(files []string) (msg string, more int) {
	slices.SortFunc(files, CompareNames)
	examples := make([]string, 0, 3)
	for _, f := range files[:min(len(files), 3)] {
		examples = append(examples, quotedName(f))
	}
	return "newsdiff reads .txt, .md, .html and .htm files, not " + strings.Join(examples, ", "),
		len(files) - len(examples)
}

// quotedName is name as a message names a file among others: as it is
// when it prints as itself, else quoted with Go's escapes ("a\x1b[31m.pdf"),
// as the commands name a file. Dropped on the way to a terminal, an
// escape sequence left the name of another file.
func quotedName(name string) string {
	for _, r := range name {
		if r == '"' || r == utf8.RuneError || !strconv.IsPrint(r) {
			return strconv.Quote(name)
		}
	}
	return name
}

// IsArticleName reports whether a file name has an article's extension
// (.txt, .md, .html or .htm) and is not one of a repository's own files
// (README, LICENSE, CHANGELOG and the like), which a directory of
// articles kept under version control may well have: the files LoadFS
// reads.
func IsArticleName(name string) bool {
	return hasArticleExt(name) && !isRepositoryArticle(name)
}

// hasArticleExt reports whether name has an article's extension.
func hasArticleExt(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".html", ".htm":
		return true
	}
	return false
}

// isRepositoryArticle reports whether name has an article's extension but
// is one of a repository's own files: README.md, not an article.
func isRepositoryArticle(name string) bool {
	return hasArticleExt(name) && isRepositoryFile(strings.ToUpper(strings.TrimSuffix(name, path.Ext(name))))
}

// isRepositoryFile reports whether name, without extension and in upper
// case, is that of a file a repository keeps about itself, never an
// article.
func isRepositoryFile(name string) bool {
	switch name {
	case "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CHANGES", "CONTRIBUTING",
		"CODE_OF_CONDUCT", "SECURITY", "AUTHORS":
		return true
	}
	return false
}

// problem makes a Problem with the file at p.
func (l *loader) problem(p string, offset int, skipped bool, format string, args ...any) Problem {
	return Problem{Path: l.source(p), Offset: offset, Msg: fmt.Sprintf(format, args...), Skipped: skipped}
}

// readFile returns the bytes of the regular file at p, or else the Problem
// that stops it being read.
func (l *loader) readFile(p string) ([]byte, *Problem) {
	fail := func(format string, args ...any) ([]byte, *Problem) {
		prob := l.problem(p, -1, true, format, args...)
		return nil, &prob
	}
	// Stat before opening: opening a FIFO would block until someone writes.
	info, err := fs.Stat(l.fsys, p)
	if prob := l.linkToNothing(p, err); prob != nil {
		// Listed, so there: "no such file" read as if it had gone.
		return nil, prob
	}
	switch {
	case err != nil:
		return fail("%s", ReadProblem(err))
	case !info.Mode().IsRegular():
		return fail("not a regular file")
	case info.Size() > MaxFileSize:
		return fail("%s", extract.ErrTooLarge)
	}
	f, err := l.fsys.Open(p)
	if err != nil {
		return fail("%s", ReadProblem(err))
	}
	defer f.Close()
	// The size can change between Stat and reading, so limit the read too.
	// The buffer starts at the size Stat gave and a byte to see the end
	// in: io.ReadAll's, grown from 512 bytes, took three times a short
	// article's size and copies of it (issue 11).
	raw, err := readAllInto(make([]byte, 0, info.Size()+1), io.LimitReader(f, MaxFileSize+1))
	switch {
	case err != nil:
		return fail("%s", ReadProblem(err))
	case len(raw) > MaxFileSize:
		return fail("%s", extract.ErrTooLarge)
	}
	return raw, nil
}

// linkToNothing returns the Problem LinkToNothing of p when err, what
// following p gave, says nothing is there and p is a symbolic link itself;
// else nil. It is the one place a link to nothing is told from a missing
// file.
func (l *loader) linkToNothing(p string, err error) *Problem {
	if !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	info, lerr := fs.Lstat(l.fsys, p)
	if lerr != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	prob := l.problem(p, -1, true, "%s", LinkToNothing)
	return &prob
}

// readAllInto is io.ReadAll appending to b. Like io.ReadAll, it never
// asks r to read into an empty slice.
func readAllInto(b []byte, r io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

// SidecarValuesIgnored opens what is said of a meta.json that is read but
// for some of its values: unlike its other problems, it is not skipped.
const SidecarValuesIgnored = "values that are not text ignored: "

// readSidecar reads the meta.json at p, if there is one: an object mapping
// file names to metadata. A sidecar that cannot be used is reported and
// ignored; within one that can, a value that is not text (an object, a
// list of other than strings, true), or an entry that is not an object,
// is ignored alone, and all of them are said in one problem. A number is
// its text ("date": 2016), a list of strings its items parted by commas
// ("byline": ["A", "B"]), as in front matter, and null says nothing.
func (l *loader) readSidecar(p string) (map[string]fileMeta, []Problem) {
	if _, err := fs.Stat(l.fsys, p); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	raw, prob := l.readFile(p)
	if prob != nil {
		return nil, []Problem{*prob}
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, []Problem{l.problem(p, int(se.Offset), true, "metadata ignored: %s", err)}
		}
		return nil, []Problem{l.problem(p, -1, true,
			`metadata ignored: not an object of file names and their metadata ({"a.txt": {"outlet": "…"}})`)}
	}
	names := slices.Sorted(maps.Keys(entries))
	m := make(map[string]fileMeta, len(entries))
	var bad []string
	for _, name := range names {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(entries[name], &fields); err != nil {
			bad = append(bad, strconv.Quote(name))
			continue
		}
		// A key is read in any case, as encoding/json matches a
		// struct's fields; of two that differ only in case, the one in
		// lower case wins, whichever comes first.
		lower := func(k string) int {
			if strings.ToLower(k) == k {
				return 1
			}
			return 0
		}
		keys := slices.SortedFunc(maps.Keys(fields), func(a, b string) int {
			return cmp.Or(cmp.Compare(lower(a), lower(b)), strings.Compare(a, b))
		})
		var meta fileMeta
		for _, key := range keys {
			f := meta.field([]byte(key))
			if f == nil {
				continue
			}
			v, ok := sidecarText(fields[key])
			if !ok {
				bad = append(bad, strconv.Quote(key)+" of "+strconv.Quote(name))
				continue
			}
			if v != "" {
				*f = v
			}
		}
		m[name] = meta
	}
	if len(bad) == 0 {
		return m, nil
	}
	msg := SidecarValuesIgnored + strings.Join(bad[:min(len(bad), 3)], ", ")
	if len(bad) > 3 {
		msg += fmt.Sprintf(" and %d more", len(bad)-3)
	}
	return m, []Problem{l.problem(p, -1, false, "%s", msg)}
}

// sidecarText returns the text of a meta.json value: a string's, a
// number's as written, a list of strings' items parted by commas, and
// null's none. It is false for a value that is none of these.
func sidecarText(v json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s, true
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		return n.String(), true
	}
	var list []string
	if json.Unmarshal(v, &list) == nil {
		return strings.Join(list, ", "), true
	}
	return "", bytes.Equal(bytes.TrimSpace(v), []byte("null"))
}

// looksUTF16 reports whether raw, which holds a NUL, reads as UTF-16
// without a byte-order mark: text in Latin script then has a NUL in nearly
// every other byte, on one side only. A binary file's NULs fall on both
// sides. The first 4 KiB are enough to tell.
func looksUTF16(raw []byte) bool {
	sample := raw[:min(len(raw), 4096)&^1]
	if len(sample) < 4 {
		return false
	}
	var nuls [2]int
	for i, c := range sample {
		if c == 0 {
			nuls[i&1]++
		}
	}
	pairs := len(sample) / 2
	hi, lo := max(nuls[0], nuls[1]), min(nuls[0], nuls[1])
	return hi*10 >= pairs*7 && lo*20 <= pairs
}

// utf8BOM is the byte-order mark some editors put at the start of UTF-8 text.
var utf8BOM = []byte("\uFEFF")

// load reads and segments the article in the file at p, taking its story
// from its metadata or else dirStory; side is what its directory's
// meta.json says about it. The article is nil if the file is skipped.
func (l *loader) load(p, dirStory string, side fileMeta) (*Article, []Problem) {
	raw, prob := l.readFile(p)
	if prob != nil {
		return nil, []Problem{*prob}
	}
	name := path.Base(p)
	return l.newArticle(p, raw, strings.TrimSuffix(name, path.Ext(name)), dirStory, side)
}

// newArticle makes an article of the bytes read from p, or returns nil when
// they are not one; the problems say why, or what was worked around.
func (l *loader) newArticle(p string, raw []byte, id, dirStory string, side fileMeta) (*Article, []Problem) {
	var problems []Problem
	var fileMap []offsetMap // see Article.FileSpan
	report := func(offset int, skipped bool, format string, args ...any) {
		problems = append(problems, l.problem(p, offset, skipped, format, args...))
	}
	kind := fileKind(p)
	isPage := kind == ".html" || kind == ".htm"
	utf16BOM := bytes.HasPrefix(raw, []byte{0xff, 0xfe}) || bytes.HasPrefix(raw, []byte{0xfe, 0xff})
	nul := bytes.IndexByte(raw, 0)
	if isPage {
		// A saved page is binary as the extractor, and so newsdiff
		// extract, takes it: a NUL near its start, unless it is in
		// UTF-16, which its byte-order mark says, as a browser reads it
		// (the extractor decodes it like any charset); a NUL further on
		// is a stray byte in the page.
		nul = extract.BinaryAt(raw)
	}
	if i := nul; i >= 0 {
		switch {
		case utf16BOM:
			report(-1, true, "UTF-16 text (convert it to UTF-8)")
		case looksUTF16(raw):
			report(-1, true, "UTF-16 text without a byte-order mark (convert it to UTF-8)")
		default:
			report(-1, true, "binary file (NUL byte at %d)", i)
		}
		return nil, problems
	}
	if isPage {
		// A saved page is read as its article, in newsdiff's text format;
		// its encoding is the page's business, decoded by the extractor.
		// Loading is not cancellable, and one page takes milliseconds.
		page, err := extract.HTML(context.Background(), bytes.NewReader(raw), "", "")
		if err != nil {
			if errors.Is(err, extract.ErrNoArticle) && len(bytes.TrimSpace(raw)) == 0 {
				// An empty or blank page is a file of no words, as an
				// empty .txt is, which diff and git's external diff
				// take for an empty side: "no article text found in the
				// page" read as if there were markup to look through.
				err = errors.New(NoWords)
			}
			report(-1, true, "%s", err)
			return nil, problems
		}
		raw = page.Text()
		// Some text in another encoding than the page's, read as U+FFFD:
		// a file's invalid bytes are said, and so are a page's.
		if note := page.EncodingNote(); note != "" {
			report(-1, false, "%s", note)
		}
	} else if !utf8.Valid(raw) {
		// A byte that is not UTF-8 in a text file is, as like as not,
		// windows-1252 typed or pasted in ("\x93" for "“", "\xe9" for
		// "é"), and is read so, and said; the offset is of the first that
		// has no meaning in windows-1252, in the file as saved, and such
		// bytes are kept, read as U+FFFD.
		var read, first, n int
		file := raw
		if raw, read, first, n = extract.ReadStray(raw); read > 0 {
			// A file with no UTF-8 in it is windows-1252, not a mix.
			legacy := extract.StrayLegacy(raw, read, n)
			report(-1, false, "%s", extract.Page{Stray: read, Legacy: legacy}.EncodingNote())
		}
		if n == 1 {
			report(first, false, "invalid UTF-8 (replaced)")
		} else if n > 1 {
			report(first, false, "invalid UTF-8 (replaced), %d invalid bytes in all", n)
		}
		fileMap = append(fileMap, readStrayMap(file, raw))
	}

	// Offsets are into the decoded text from here on: a reader, a search
	// and the word diff all see "|" where the file says "&#124;", and
	// none of them sees a control character or an escape sequence, which
	// is never shown (a page's are dropped as it is extracted).
	// Accents are composed after that, so that a change of encoding is
	// no change of wording (see Normalise). What a program is given is
	// offsets into the file, through the map of each step (FileSpan).
	raw, steps := normaliseMapped(raw, kind != ".md")
	a := &Article{ID: id, Source: l.source(p), Raw: raw, fileMap: append(fileMap, steps...)}
	start := 0
	if bytes.HasPrefix(raw, utf8BOM) {
		start = len(utf8BOM)
	}
	front, n, fp := splitFrontMatter(raw[start:])
	if fp != nil {
		report(start+fp.offset, false, "%s", fp.msg)
	}
	if kind == ".md" {
		// Markup is never diffed: the body is the Markdown's text.
		page, err := extract.Markdown(raw[start+n:])
		if err != nil {
			report(-1, true, "%s", err)
			return nil, problems
		}
		raw = append(raw[:start+n:start+n], page.Body()...)
		a.Raw = raw
		// The offsets are into this text, as they are into an
		// extracted page's: the file's markup has no place in it.
		a.fileMap = nil
	}
	a.Body = Span{start + n, len(raw)}
	metaTitle := firstOf(front.Title, side.Title)
	segment(a, metaTitle)
	if a.Words == 0 {
		report(-1, true, "%s", NoWords)
		return nil, problems
	}

	body := raw[a.Body.Start:a.Body.End]
	a.Title = firstOf(metaTitle, firstLine(body))
	// The body's credit line is looked for only when the metadata name
	// no outlet: reading every line of the body for it was a twentieth
	// of loading a short article.
	if a.Outlet = firstOf(front.Outlet, side.Outlet); a.Outlet == "" {
		a.Outlet = firstOf(sourceLine(body), id)
	}
	a.URL = firstOf(front.URL, side.URL)
	a.Date = firstOf(front.Date, side.Date)
	a.Byline = firstOf(front.Byline, side.Byline)
	a.Lang = firstOf(front.Lang, side.Lang)
	a.Story = firstOf(front.Story, side.Story, dirStory)
	return a, problems
}

// fileKind is the kind of article the file at p holds, by its extension
// in lower case: ".xhtml" and ".markdown", which newsdiff extract and add
// read as a page and as Markdown, are ".html" and ".md" here too. Named
// to diff, such a file was read as plain text, its markup compared as
// words. A folder's listing still takes only the four extensions of
// IsArticleName.
func fileKind(p string) string {
	switch kind := strings.ToLower(path.Ext(p)); kind {
	case ".xhtml":
		return ".html"
	case ".markdown":
		return ".md"
	default:
		return kind
	}
}

// firstOf returns the first of vs that is not empty once made a label.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = label(v); v != "" {
			return v
		}
	}
	return ""
}

// label makes metadata one line of visible text: control runs (see
// ControlLen) and invisible format characters (see invisibleLen) removed,
// bytes that are not UTF-8 replaced by U+FFFD, runs of whitespace (line
// breaks included) made one space with the ends trimmed, and accents
// composed (see composed), as an article's text is.
func label(s string) string {
	if isLabel(s) {
		return s
	}
	return rebuildLabel(s)
}

// Label is s as the loader makes metadata (a title, an outlet, a story's
// name) one line of visible text; see label. A name a user types is made
// so before it is compared with the names the loader made.
func Label(s string) string { return label(s) }

// rebuildLabel is label without the isLabel shortcut: it always builds
// the label anew.
func rebuildLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := hiddenLen(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return norm.NFC.String(strings.Join(strings.Fields(b.String()), " "))
}

// firstLine returns the first line of body with anything to show.
func firstLine(body []byte) string {
	for i := 0; i < len(body); {
		var line []byte
		line, i = nextLine(body, i)
		if l := label(string(line)); l != "" {
			return l
		}
	}
	return ""
}

// sourceLine returns the outlet named by the last credit line of body: a
// line "Source: X" or "Source: X, News Agencies", or a line "X and agencies".
// It returns "" if there is none, or if prose follows it: a "Source:"
// line above more of the article credits a picture, a chart or a figure
// ("Source: Medicine Hat Police Service" over the rest of a CTV story),
// not the outlet, which credits itself at the end.
func sourceLine(body []byte) string {
	var outlet string
	for i := 0; i < len(body); {
		var line []byte
		line, i = nextLine(body, i)
		if len(line) > 2*maxCreditLen {
			outlet = "" // too long even before escapes and spaces are cleaned away: prose
			continue
		}
		l := label(string(line))
		if o := creditedOutlet(l); o != "" {
			outlet = o
		} else if len(l) > maxCreditLen {
			outlet = ""
		}
	}
	return outlet
}

// maxCreditLen is the longest line, in bytes, taken as a credit line. A
// longer one is prose that happens to end in "and agencies".
const maxCreditLen = 80

// creditedOutlet returns the outlet a credit line names, or "".
func creditedOutlet(line string) string {
	if len(line) > maxCreditLen {
		return ""
	}
	if len(line) > len("source:") && strings.EqualFold(line[:len("source:")], "source:") {
		o, _, _ := strings.Cut(line[len("source:"):], ",")
		if strings.Contains(o, "/") {
			// "Source: bit.ly/1a2B3c Cancer, online January 25":
			// a link names a study or a page; "Source: Ann Lee /
			// Flickr" a picture's maker.
			return ""
		}
		return trimAgencies(strings.TrimSpace(o))
	}
	if o := trimAgencies(line); o != line {
		return o
	}
	return ""
}

// trimAgencies removes a trailing " and agencies" or " and news agencies"
// from s.
func trimAgencies(s string) string {
	for _, suffix := range []string{" and agencies", " and news agencies"} {
		if n := len(s) - len(suffix); n >= 0 && strings.EqualFold(s[n:], suffix) {
			return strings.TrimSpace(s[:n])
		}
	}
	return s
}
