package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// twoFolders reports whether diff's A and B are two folders, compared
// file by file (diffFolders): named on the command line, with no DIR
// and no --story, which look ids up and keep their meaning. "-" is
// standard input, even where a folder of that name is.
func (a *app) twoFolders(left, right string, o diffOptions) bool {
	return a.env.Files && o.dir == "" && o.story == "" && left != "-" && right != "-" && isDir(left) && isDir(right)
}

// diffFolders compares the article files of the folders oldDir and
// newDir that have the same path in each, as diff -r and git diff
// --no-index compare two folders: each pair as diff compares two files,
// in the order of their paths, and a file one folder has alone against
// an empty side, as /dev/null is, headed by the folder it is only in.
// The files are those a folder's listing reads (see articleFiles), each
// with the metadata its folder's meta.json gives it. A file that cannot be
// read is said on a line of stderr naming it, and the rest is compared;
// the status then says there was trouble, as diff -r's does. name is the
// command's, which such a line starts with.
func (a *app) diffFolders(ctx context.Context, p *printer, name, oldDir, newDir string, o diffOptions) error {
	if o.format == "html" {
		return usagef("--format html is one page for two articles, not two folders: name a file of each (newsdiff diff %s %s), or give --format json for every pair",
			Name(filepath.Join(oldDir, "FILE")), Name(filepath.Join(newDir, "FILE")))
	}
	a.limitMemoryTo(comparisonMemoryLimit)
	trouble := false
	fail := func(err error) {
		trouble = true
		fmt.Fprintf(&p.stderr, "%s: %s\n", name, termsafe.OneLine(err.Error()))
	}
	said := func(pr corpus.Problem) { p.report([]corpus.Problem{pr}) }
	pairs, err := folderPairs(ctx, oldDir, newDir, said, fail)
	if err != nil {
		return err
	}
	if len(pairs) == 0 && !trouble {
		// Silence, and status 0, would say that nothing was edited.
		return noFolderArticles(oldDir, newDir)
	}
	// Each folder's meta.json is read once, for all its files.
	files := new(corpus.Files)
	load := func(path string) (*corpus.Article, bool) {
		art, probs, err := loadSide(files, path)
		p.report(probs)
		if err != nil {
			fail(pathError(path, err))
			return nil, false
		}
		return art, true
	}
	differs, wrote := false, false
	for _, pair := range pairs {
		if err := ctx.Err(); err != nil {
			return err
		}
		rel := pair.rel
		po := o
		po.path = filepath.ToSlash(rel)
		po.names = [2]string{filepath.Join(oldDir, rel), filepath.Join(newDir, rel)}
		var l, r *corpus.Article
		ok := true
		switch {
		case pair.inOld && pair.inNew:
			// Both are read, so that each that cannot be is named.
			var okOld bool
			l, okOld = load(po.names[0])
			r, ok = load(po.names[1])
			ok = ok && okOld
		case pair.inOld:
			po.names[1] = os.DevNull
			po.onlyIn = "deleted file, only in " + Name(oldDir)
			l, ok = load(po.names[0])
			r = emptyArticle(os.DevNull, os.DevNull)
		default:
			po.names[0] = os.DevNull
			po.onlyIn = "new file, only in " + Name(newDir)
			l = emptyArticle(os.DevNull, os.DevNull)
			r, ok = load(po.names[1])
		}
		if !ok {
			continue
		}
		po.after = wrote
		before := p.stdout.Len()
		d, err := a.writePair(ctx, p, l, r, po)
		if err != nil {
			return err
		}
		differs = differs || d
		wrote = wrote || p.stdout.Len() > before
	}
	switch {
	case trouble:
		// As a single file that cannot be read: 2 under --exit-code,
		// where 1 says the texts differ, else 1.
		if o.exitCode {
			return exitError{ExitUsage}
		}
		return exitError{ExitError}
	case o.exitCode && differs:
		return exitError{ExitError}
	}
	return nil
}

// compareSlashNames orders paths in a folder as a folder's listing orders
// its files (corpus.CompareNames), whatever the separator.
func compareSlashNames(x, y string) int {
	return corpus.CompareNames(filepath.ToSlash(x), filepath.ToSlash(y))
}

// folderPair is one path of two folders compared: the file's path
// relative to each, and which of the two have it.
type folderPair struct {
	rel          string
	inOld, inNew bool
}

// folderPairs returns a pair of each path the article files of oldDir
// and newDir have (articleFiles, which said and fail are given to), in
// the order of a folder's listing: what diff of two folders compares, and
// the reader on them shows.
func folderPairs(ctx context.Context, oldDir, newDir string, said func(corpus.Problem), fail func(error)) ([]folderPair, error) {
	oldFiles, err := articleFiles(ctx, oldDir, said, fail)
	if err != nil {
		return nil, err
	}
	newFiles, err := articleFiles(ctx, newDir, said, fail)
	if err != nil {
		return nil, err
	}
	paths := slices.Concat(oldFiles, newFiles)
	slices.SortFunc(paths, compareSlashNames)
	paths = slices.Compact(paths)
	pairs := make([]folderPair, len(paths))
	for i, rel := range paths {
		_, inOld := slices.BinarySearchFunc(oldFiles, rel, compareSlashNames)
		_, inNew := slices.BinarySearchFunc(newFiles, rel, compareSlashNames)
		pairs[i] = folderPair{rel, inOld, inNew}
	}
	return pairs, nil
}

// loadSide loads the file at path as one side of a pair of folders: a
// file of no words is an empty side, as /dev/null is.
func loadSide(files *corpus.Files, path string) (*corpus.Article, []corpus.Problem, error) {
	art, probs, err := files.Load(path)
	if noWords(err) {
		return emptySide(path), probs, nil
	}
	return art, probs, err
}

// skipped is the problem of the reader's list that err, of the file at
// path, makes: the loader's own where it gave one, else why the file
// could not be read.
func skipped(path string, err error) corpus.Problem {
	if prob, ok := errors.AsType[corpus.Problem](err); ok {
		return prob
	}
	return corpus.Problem{Path: path, Offset: -1, Msg: corpus.ReadProblem(err), Skipped: true}
}

// noFolderArticles is the error of two folders with no article between
// them, which diff and the reader give alike.
func noFolderArticles(oldDir, newDir string) error {
	return fmt.Errorf("no articles in %s or %s: newsdiff reads .txt, .md, .html and .htm files", Name(oldDir), Name(newDir))
}

// articleFiles returns the paths, relative to dir and in the order
// compareSlashNames gives, of the files the folder's listing reads as
// articles (corpus.LoadDir): .txt, .md, .html and .htm files at any depth
// but a repository's own (README.md), none in a hidden folder (the
// index, .newsdiff) and none hidden; meta.json is a sidecar, no article.
// A symbolic link to a folder is not followed, and said, as the listing
// says it. A subfolder that cannot be read is given to fail, and the rest
// listed; dir that cannot be read is the error. A link to a folder is
// given to said.
func articleFiles(ctx context.Context, dir string, said func(corpus.Problem), fail func(error)) ([]string, error) {
	var out []string
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(dir, string(filepath.Separator)) {
		// A link to a folder named on the command line is that folder,
		// as it is to ls: walked as it is, it is a file.
		root += string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return pathError(dir, err)
			}
			fail(pathError(path, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if path == root {
			return nil
		}
		switch name := d.Name(); {
		case strings.HasPrefix(name, "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case d.IsDir():
		case d.Type()&fs.ModeSymlink != 0 && isDir(path):
			said(corpus.Problem{Path: path, Offset: -1, Msg: corpus.LinkToFolder, Skipped: true})
		case corpus.IsArticleName(name):
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, compareSlashNames)
	return out, nil
}

// maxFolderPairs is the most files two folders the reader opens side by
// side may hold between them. The reader holds every article of the two
// read and segmented, some 40 KB of memory each: 5,000 is 200 MB. An
// archive that size is one to open through its index, and two of its
// snapshots are what diff of two folders prints pair by pair.
var maxFolderPairs = 5000

// loadFolders reads the folders oldDir and newDir for the reader, as diff
// of two folders pairs them (diffFolders): a story of each path either
// has, named by the path, of its two versions, the one in oldDir on the
// left; a file one folder has alone beside an empty side, as /dev/null
// is. Each article's outlet gains its folder's name, "Fox News
// (yesterday)", as the two versions of one file had the same, and the
// list, the comparison's header and the matrix could not tell them
// apart. A file that cannot be read is a problem of the reader's list of
// them, and its pair is left out.
func (a *app) loadFolders(ctx context.Context, oldDir, newDir string) (*corpus.Corpus, []corpus.Problem, error) {
	var probs []corpus.Problem
	said := func(pr corpus.Problem) { probs = append(probs, pr) }
	fail := func(err error) {
		path := ""
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			path = pe.Path
		}
		probs = append(probs, skipped(path, err))
	}
	pairs, err := folderPairs(ctx, oldDir, newDir, said, fail)
	if err != nil {
		return nil, probs, err
	}
	n := 0 // files, of the two folders together
	for _, pair := range pairs {
		for _, has := range []bool{pair.inOld, pair.inNew} {
			if has {
				n++
			}
		}
	}
	if n > maxFolderPairs {
		return nil, probs, fmt.Errorf("%s and %s hold %s article files, over the %s the reader holds side by side: newsdiff diff %s %s prints them pair by pair",
			Name(oldDir), Name(newDir), digits.Group(n), digits.Group(maxFolderPairs), Name(oldDir), Name(newDir))
	}
	files := new(corpus.Files)
	oldLabel, newLabel := folderLabels(oldDir, newDir)
	side := func(dir, label, rel string, has bool) (*corpus.Article, bool) {
		var art *corpus.Article
		if !has {
			art = emptyArticle(os.DevNull, os.DevNull)
		} else {
			path := filepath.Join(dir, rel)
			loaded, more, err := loadSide(files, path)
			probs = append(probs, more...)
			if err != nil {
				probs = append(probs, skipped(path, err))
				return nil, false
			}
			art = loaded
		}
		cp := *art
		cp.ID = filepath.ToSlash(filepath.Join(label, rel))
		cp.Outlet = art.Outlet + " (" + label + ")"
		return &cp, true
	}
	c := &corpus.Corpus{}
	for _, pair := range pairs {
		if err := ctx.Err(); err != nil {
			return nil, probs, err
		}
		rel := pair.rel
		l, okOld := side(oldDir, oldLabel, rel, pair.inOld)
		r, okNew := side(newDir, newLabel, rel, pair.inNew)
		if !okOld || !okNew {
			continue
		}
		name := filepath.ToSlash(rel)
		l.Story, r.Story = name, name
		c.Stories = append(c.Stories, &corpus.Story{Name: name, Articles: []*corpus.Article{l, r}})
	}
	if len(c.Stories) == 0 {
		return nil, probs, noFolderArticles(oldDir, newDir)
	}
	return c, probs, nil
}

// folderLabels returns the names the reader gives the folders oldDir and
// newDir beside each article's outlet: the last element of each path, as
// "yesterday" and "today", or as many of the last elements as tell the
// two apart, as "2024/site" and "2025/site" where both end in "site": the
// snapshots of one site kept side by side, which the last element alone
// gave one name, so that both versions were "Fox News (site)" with the
// same id. A path is made absolute first, so that "." is named by its
// folder's name.
func folderLabels(oldDir, newDir string) (string, string) {
	parts := func(dir string) []string {
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		return strings.FieldsFunc(filepath.ToSlash(filepath.Clean(dir)), func(r rune) bool { return r == '/' })
	}
	o, n := parts(oldDir), parts(newDir)
	label := func(p []string, k int) string {
		if len(p) == 0 {
			return "/"
		}
		return strings.Join(p[max(len(p)-k, 0):], "/")
	}
	k := 1
	for label(o, k) == label(n, k) && k < max(len(o), len(n)) {
		k++
	}
	return label(o, k), label(n, k)
}
