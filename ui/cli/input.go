package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/extract/fetch"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// errNotExist stands for a path that is not there.
var errNotExist = fs.ErrNotExist

// notThere is the error for a path that names nothing newsdiff can find:
// no such file, or, where a folder on the way cannot be searched, the
// permission denied, which "no such file or directory" hid from a user
// whose file was there.
func notThere(path string) error {
	if _, err := os.Lstat(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return pathError(path, err)
	}
	return pathError(path, errNotExist)
}

// denied says whether a folder on the way to path, or path itself,
// cannot be looked at for want of permission.
func denied(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrPermission)
}

// stdinName is how an article read from standard input is named, in a
// diff's header and in messages alike: "-", as diff(1) and git diff
// --no-index name it ("--- -"), and as the command line names it.
const stdinName = "-"

// stdinID is the id of an article read from standard input.
const stdinID = stdinName

// loadArticle loads the article in the file at name, or from standard
// input when name is "-". files reads each folder's meta.json once for
// the articles one command loads; nil reads it for this one alone. A file
// that has no entry in its meta.json loads as the first of as with one
// would (see corpus.Files.LoadAs).
func (a *app) loadArticle(name string, files *corpus.Files, as ...string) (*corpus.Article, []corpus.Problem, error) {
	if name == "-" {
		return a.readStdin()
	}
	if !a.env.Files {
		return nil, nil, errors.New("naming a directory or file is not allowed here")
	}
	if name == os.DevNull {
		return emptyArticle(name, name), nil, nil
	}
	if isStream(name) {
		return readPipe(name)
	}
	if files == nil {
		files = new(corpus.Files)
	}
	art, probs, err := files.LoadAs(name, as...)
	if err != nil {
		return nil, probs, pathError(name, err)
	}
	return art, probs, nil
}

// emptyArticle is the article of /dev/null: nothing, as diff(1) and git
// take it for a file that is not there, so that `git difftool` can show a
// file added or deleted (it names /dev/null for the missing side) as
// `GIT_EXTERNAL_DIFF` does, every passage on one side.
func emptyArticle(id, source string) *corpus.Article {
	art := corpus.Parse(id, nil)
	art.Source = source
	art.Outlet = id // what the reader names it by
	return art
}

// noWords reports whether err is a file's "no words" (empty, blank, or
// markup alone): a side diff and git's external diff take for an empty
// article, as /dev/null is, where any other command refuses the file.
func noWords(err error) bool {
	prob, ok := errors.AsType[corpus.Problem](err)
	return ok && prob.Msg == corpus.NoWords
}

// isStream reports whether path is a pipe or a character device: what
// the shell names for `newsdiff diff <(git show HEAD:a.txt) a.txt`
// (/dev/fd/63), or /dev/stdin.
func isStream(path string) bool {
	info, err := os.Stat(path)
	return err == nil && streamMode(info.Mode())
}

// streamMode reports whether a file of mode m is a pipe or a character
// device, read as a stream rather than as a file of known size.
func streamMode(m fs.FileMode) bool { return m&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0 }

// readPipe reads one article from the pipe or device at path, named as
// the command line named it. The loader of a folder skips such a file,
// since opening a FIFO blocks until someone writes to it; named on the
// command line, it is what the user means to compare, as diff(1) reads it.
func readPipe(path string) (*corpus.Article, []corpus.Problem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, pathError(path, err)
	}
	defer f.Close()
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	art, probs, err := readStream(f, path, id, filepath.Ext(path), path)
	if err != nil {
		return nil, probs, err
	}
	// Named by its path, as diff names it ("--- /dev/fd/63"): "63" says
	// nothing of where it came from.
	named := withID(art, path)
	if art.Outlet == art.ID {
		named.Outlet = path
	}
	return named, probs, nil
}

// readStdin reads one article from standard input, checked as a file is
// (size, binary, UTF-16, encoding, front matter).
func (a *app) readStdin() (*corpus.Article, []corpus.Problem, error) {
	l := a.env.Local
	if !a.env.Files || l == nil || l.Stdin == nil {
		return nil, nil, errors.New("standard input is not available here")
	}
	return readStream(l.Stdin, stdinName, stdinID, "", "-")
}

// readStream reads one article from r, checked as a file is (size,
// binary, UTF-16, encoding, front matter): label names it in messages
// (quoted there when it needs to be), id
// is its ID, ext the extension it was named with ("" for none) and source
// where it came from.
func readStream(r io.Reader, label, id, ext, source string) (*corpus.Article, []corpus.Problem, error) {
	raw, err := io.ReadAll(io.LimitReader(r, corpus.MaxFileSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", Name(label), err)
	}
	if len(raw) > corpus.MaxFileSize {
		return nil, nil, fmt.Errorf("%s: %w", Name(label), extract.ErrTooLarge)
	}
	// The loader's checks run over a file system; a one-file map is the
	// smallest one. A saved web page piped in (curl … | newsdiff diff -
	// b.txt) is read as one, by the sniffing rules browsers use, and
	// Markdown (cat a.md | newsdiff diff - b.md) as a .md file, when it
	// is plainly Markdown, so that their markup is not compared as words;
	// a stream named .md or .html is read as its name says.
	file := id + ".txt"
	switch ext = strings.ToLower(ext); {
	case ext == ".md" || ext == ".html" || ext == ".htm":
		file = id + ext
	case isHTML(raw):
		file = id + ".html"
	case plainlyMarkdown(raw):
		file = id + ".md"
	}
	c, probs, err := corpus.LoadFS(fstest.MapFS{file: {Data: raw}}, label)
	for i := range probs {
		probs[i].Path = label
	}
	if err != nil {
		return nil, probs, err
	}
	arts := c.Articles()
	if len(arts) == 0 {
		for _, p := range probs {
			if p.Skipped {
				// Typed, so that diff can take a stream of no words
				// for an empty side; it reads as fileProblem words it.
				return nil, nil, problemError{p}
			}
		}
		return nil, probs, fmt.Errorf("%s: no article", Name(label))
	}
	art := arts[0]
	art.Source = source
	return art, probs, nil
}

// isHTML reports whether raw, which came with no name to say what it
// holds (standard input, a pipe), is a web page, by the sniffing rules
// browsers use.
func isHTML(raw []byte) bool {
	return strings.HasPrefix(http.DetectContentType(raw), "text/html")
}

// plainlyMarkdown reports whether raw, which came with no name to say
// what it holds, is plainly Markdown, its front matter aside (see
// extract.LooksLikeMarkdown: plain text must not be read as Markdown, so
// front matter, which newsdiff's own text format has, says nothing).
func plainlyMarkdown(raw []byte) bool {
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if _, n, err := corpus.FrontMatter(raw); err == nil {
		raw = raw[n:]
	}
	return extract.LooksLikeMarkdown(raw)
}

// loadDir loads the directory (or file) at path as the reader and the
// story commands see it: split into stories.
func loadDir(path string) (*corpus.Corpus, []corpus.Problem, error) {
	c, probs, err := story.LoadDir(path)
	if err != nil {
		return nil, probs, pathError(path, err)
	}
	return c, probs, nil
}

// pathExists reports whether something is at path, a broken or looping
// symbolic link included, so that the command reports what is wrong with
// it rather than calling it an unknown command.
func pathExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// isRegularFile reports whether path is a regular file, or a symbolic
// link to one.
func isRegularFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// isNotDir reports whether something other than a directory is at path
// (a file, a pipe, a device), following symbolic links.
func isNotDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// pathError says what is wrong with path in words, naming it safely: a
// symbolic link that loops is not "no such file", nor one to nothing,
// which the loaders and corpus.Stat give as its Problem.
func pathError(path string, err error) error {
	var p corpus.Problem
	if errors.As(err, &p) {
		return problemError{p}
	}
	var why string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if fetch.IsURL(path) {
			// Only extract and add fetch; "no such file" of an address
			// read as if the page were missing.
			why = "a web address, not a file: newsdiff add DIR URL… saves pages to compare (newsdiff extract URL prints one)"
		} else if path == "-" {
			// Where an article goes, "-" is standard input; a folder
			// cannot be read from it, and "no such file" of "-" read as
			// if it should.
			why = `no such folder ("-" reads standard input only where an article goes: diff, extract, add, the reader)`
		} else {
			why = "no such file or directory"
		}
	case errors.Is(err, fs.ErrPermission):
		why = "permission denied"
	default:
		why = corpus.Reason(err)
		if _, ok := errors.AsType[*fs.PathError](err); !ok && why != corpus.LinkLoops {
			return err // not about the file
		}
	}
	return fmt.Errorf("%s: %s", Name(path), why)
}

// problemError prints a load problem as the commands print one, and keeps
// the problem for a caller that acts on why the file was skipped.
type problemError struct{ p corpus.Problem }

func (e problemError) Error() string { return fileProblem(e.p) }

func (e problemError) Unwrap() error { return e.p }

// fileProblem words the problem of a file named on its own, as Problem
// does but for "skipped": nothing is skipped when the file was all there
// was to read, and "bin.txt: skipped: binary file" read as if a diff of
// it had gone on without it. A folder's load, which does go on without
// the file, keeps the word.
func fileProblem(p corpus.Problem) string {
	p.Skipped = false
	return Problem(p)
}

// archiveError says why the folder dir did not open: as pathError says
// it when the folder itself could not be read ("DIR: permission denied"),
// else with the archive's own words after the folder's name.
func archiveError(dir string, err error) error {
	if p, ok := errors.AsType[corpus.Problem](err); ok {
		// The folder itself, a symbolic link to nothing: named as the
		// command line names it.
		if abs, aerr := filepath.Abs(dir); p.Path == dir || (aerr == nil && p.Path == abs) {
			p.Path = dir
			return problemError{p}
		}
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		if abs, aerr := filepath.Abs(dir); pe.Path == dir || (aerr == nil && pe.Path == abs) {
			return pathError(dir, err)
		}
	}
	return fmt.Errorf("%s: %w", Name(dir), err)
}
