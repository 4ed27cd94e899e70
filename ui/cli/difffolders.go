package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
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
	oldFiles, err := articleFiles(ctx, p, oldDir, fail)
	if err != nil {
		return err
	}
	newFiles, err := articleFiles(ctx, p, newDir, fail)
	if err != nil {
		return err
	}
	if len(oldFiles) == 0 && len(newFiles) == 0 && !trouble {
		// Silence, and status 0, would say that nothing was edited.
		return fmt.Errorf("no articles in %s or %s: newsdiff reads .txt, .md, .html and .htm files", Name(oldDir), Name(newDir))
	}
	paths := slices.Concat(oldFiles, newFiles)
	slices.SortFunc(paths, func(x, y string) int { return corpus.CompareNames(filepath.ToSlash(x), filepath.ToSlash(y)) })
	paths = slices.Compact(paths)
	// Each folder's meta.json is read once, for all its files.
	files := new(corpus.Files)
	load := func(path string) (*corpus.Article, bool) {
		art, probs, err := files.Load(path)
		p.report(probs)
		switch {
		case noWords(err):
			return emptySide(path), true
		case err != nil:
			fail(pathError(path, err))
			return nil, false
		}
		return art, true
	}
	differs, wrote := false, false
	for _, rel := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		_, inOld := slices.BinarySearchFunc(oldFiles, rel, compareSlashNames)
		_, inNew := slices.BinarySearchFunc(newFiles, rel, compareSlashNames)
		po := o
		po.path = filepath.ToSlash(rel)
		po.names = [2]string{filepath.Join(oldDir, rel), filepath.Join(newDir, rel)}
		var l, r *corpus.Article
		ok := true
		switch {
		case inOld && inNew:
			// Both are read, so that each that cannot be is named.
			var okOld bool
			l, okOld = load(po.names[0])
			r, ok = load(po.names[1])
			ok = ok && okOld
		case inOld:
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

// articleFiles returns the paths, relative to dir and in the order
// compareSlashNames gives, of the files the folder's listing reads as
// articles (corpus.LoadDir): .txt, .md, .html and .htm files at any depth
// but a repository's own (README.md), none in a hidden folder (the
// index, .newsdiff) and none hidden; meta.json is a sidecar, no article.
// A symbolic link to a folder is not followed, and said, as the listing
// says it. A subfolder that cannot be read is given to fail, and the rest
// listed; dir that cannot be read is the error.
func articleFiles(ctx context.Context, p *printer, dir string, fail func(error)) ([]string, error) {
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
			p.report([]corpus.Problem{{Path: path, Offset: -1, Msg: corpus.LinkToFolder, Skipped: true}})
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
