package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// isGitExternalDiff reports whether args are git's arguments to a
// GIT_EXTERNAL_DIFF program: path old-file old-hex old-mode new-file
// new-hex new-mode, where a missing side is /dev/null with "." for its
// hex and mode; for a renamed or copied file, two more, new-path and the
// header git would have printed ("similarity index 59%\nrename from …").
func isGitExternalDiff(args []string) bool {
	return (len(args) == 7 || len(args) == 9) && isGitHex(args[2]) && isGitMode(args[3]) && isGitHex(args[5]) && isGitMode(args[6])
}

// gitCall splits args into the options before git's arguments and git's
// arguments themselves, when args end with a GIT_EXTERNAL_DIFF call and
// what comes before is options (GIT_EXTERNAL_DIFF='newsdiff -U 1'): the
// caller hands cobra the options, then "--", then git's arguments, so that
// a path git names is never read as a flag ("-notes.txt") or a command
// ("list").
func gitCall(args []string) (opts, call []string, ok bool) {
	for _, n := range []int{9, 7} {
		if len(args) < n {
			continue
		}
		opts, call := args[:len(args)-n], args[len(args)-n:]
		if !isGitExternalDiff(call) {
			continue
		}
		if len(opts) > 0 && opts[len(opts)-1] == "--" {
			opts = opts[:len(opts)-1]
		}
		if len(opts) > 0 && (!strings.HasPrefix(opts[0], "-") || slices.Contains(opts, "--")) {
			// A command or a file comes first: no call of git's.
			return nil, nil, false
		}
		return opts, call, true
	}
	return nil, nil, false
}

// gitContext is how many unchanged passages git's external diff shows
// around each change unless -U says otherwise: git shows three lines.
const gitContext = 3

// gitNewPath is the path of the new side of git's call: the renamed or
// copied file's new path, else the one path.
func gitNewPath(args []string) string {
	if len(args) == 9 {
		return args[7]
	}
	return args[0]
}

func isGitHex(s string) bool {
	if s == "." {
		return true
	}
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	return strings.Trim(s, "0123456789abcdef") == ""
}

func isGitMode(s string) bool {
	return s == "." || (len(s) == 6 && strings.Trim(s, "01234567") == "")
}

// gitDiff prints the word diff of the two versions of one file, labelled
// a/PATH and b/PATH as git labels them (b/NEW-PATH for a renamed file). It
// exits 0 when the texts differ: git takes any other status from an
// external diff as a failure. Like git's own diff it shows the changes
// with a little context, gitContext passages around each (-U N on the
// command line says how many), rather than every passage of the file.
func (a *app) gitDiff(args []string) func(ctx context.Context, p *printer, _ []string) error {
	return func(ctx context.Context, p *printer, _ []string) error {
		left, right := gitLabel(args[1], "a/"+args[0]), gitLabel(args[4], "b/"+gitNewPath(args))
		// Two files of one folder (git diff --no-index): its meta.json is
		// read once, as for newsdiff diff A B.
		files := new(corpus.Files)
		oldAs, newAs := a.gitPaths(args[0]), a.gitPaths(gitNewPath(args))
		if len(args) == 9 {
			// The old version of a renamed file whose entry in meta.json
			// has moved to its new name.
			oldAs = append(oldAs, newAs...)
		}
		l, err := a.gitSide(p, args[1], left, files, oldAs)
		if err != nil {
			return a.gitNotText(p, left, right, err)
		}
		r, err := a.gitSide(p, args[4], right, files, newAs)
		if err != nil {
			return a.gitNotText(p, left, right, err)
		}
		format := "plain"
		if a.colorOn() {
			format = "ansi"
		}
		header := gitHeader(args)
		same := header
		if line := gitNewOrDeleted(args); line != "" {
			same = append([]string{line}, header...)
		}
		return a.writeDiff(ctx, p, l, r, diffOptions{format: format, context: a.gitContext, gitCall: true, gitHeader: header, gitSame: same})
	}
}

// writeSame says, in git's external diff, that the two versions l and r
// of a file have the same words, with note (gitSame's lines) when it says
// more: git called for a change, a rename, a new mode, an empty file
// added or deleted or a change of layout alone, and nothing at all would
// hide it.
func writeSame(w io.Writer, l, r *corpus.Article, note string) {
	fmt.Fprintf(w, "Files %s and %s have the same words", Name(l.ID), Name(r.ID))
	if note != "" {
		fmt.Fprintf(w, " (%s)", note)
	}
	fmt.Fprintln(w)
}

// gitHeader is what git says of a file beyond its text (a change of mode,
// a rename or a copy), in its words, a line each, its controls removed:
// for a file whose words did not change, that is all there is to show,
// and for one whose words did, git's own diff heads them with it. The
// modes come from the fourth and seventh arguments whether or not there
// is a ninth: git's lines of a rename, there, hold no mode, and its own
// diff puts the mode lines first.
func gitHeader(args []string) []string {
	var parts []string
	if args[3] != args[6] && args[3] != "." && args[6] != "." {
		parts = append(parts, "old mode "+termsafe.OneLine(args[3]), "new mode "+termsafe.OneLine(args[6]))
	}
	if len(args) == 9 {
		for line := range strings.SplitSeq(args[8], "\n") {
			if line = strings.TrimSpace(line); line != "" {
				parts = append(parts, termsafe.OneLine(line))
			}
		}
	}
	return parts
}

// gitNewOrDeleted is git's line for a file created ("new file mode
// 100644") or deleted ("deleted file mode 100644"), else "". A diff of
// words shows either by its /dev/null side, but a file of no words, added
// or removed, has the same words as /dev/null: the line is then all that
// says the file came or went.
func gitNewOrDeleted(args []string) string {
	switch {
	case args[3] == "." && args[6] != ".":
		return "new file mode " + termsafe.OneLine(args[6])
	case args[6] == "." && args[3] != ".":
		return "deleted file mode " + termsafe.OneLine(args[3])
	}
	return ""
}

// gitLabel is how git labels one side of a file's diff: /dev/null for the
// side a new or deleted file does not have ("--- /dev/null", "Binary files
// /dev/null and b/map.png differ"), else its a/ or b/ path.
func gitLabel(file, path string) string {
	if file == "/dev/null" {
		return file
	}
	return path
}

// gitNotText says, as git's own diff does for a binary file, that the two
// versions labelled left and right differ, when err is one side being no text newsdiff
// reads (binary, UTF-16, over the size limit). git stops at the first
// file its external diff fails on, so failing here would hide every
// changed file after an image or a PDF. Any other error is returned.
func (a *app) gitNotText(p *printer, left, right string, err error) error {
	prob, ok := errors.AsType[corpus.Problem](err)
	if !ok || !prob.Skipped {
		return err
	}
	// The reason stands after a comma, not in brackets: it may have its
	// own ("binary file (NUL byte at 8)", "UTF-16 text (convert it to
	// UTF-8)"), and brackets inside brackets read badly.
	fmt.Fprintf(&p.stdout, "Files %s and %s differ, not compared: %s\n", Name(left), Name(right), termsafe.OneLine(prob.Msg))
	return nil
}

// gitPaths returns where the file git names by path (relative to the top
// of the working tree, where git runs its external diff, or with
// --relative to the folder git was run in, GIT_PREFIX) may be in the
// working tree.
func (a *app) gitPaths(path string) []string {
	paths := []string{path}
	if prefix := a.env.Local.getenv("GIT_PREFIX"); prefix != "" && !filepath.IsAbs(path) {
		paths = append(paths, filepath.Join(prefix, path))
	}
	return paths
}

// gitSide loads one side of git's call, with files, which reads each
// folder's meta.json once for both; /dev/null, and a file with no words,
// is an empty article. git writes a version other than the working
// tree's to a temporary file (/tmp/git-blob-XXXXXX/a.txt): it takes its
// metadata from the working tree's meta.json beside the first of as that
// has an entry, as the file in the working tree does (see "With git" in
// the README).
func (a *app) gitSide(p *printer, file, label string, files *corpus.Files, as []string) (*corpus.Article, error) {
	if file == "/dev/null" {
		return emptyArticle(label, file), nil
	}
	art, probs, err := a.loadArticle(file, files, as...)
	p.report(probs)
	if noWords(err) {
		// A file emptied (or left blank) is shown as git shows it, every
		// word of the other side one-sided, as a deleted file is.
		return emptyArticle(label, file), nil
	}
	if err != nil {
		return nil, err
	}
	if art.Outlet == art.ID {
		// The outlet came from the file's name, which git made up.
		art.Outlet = label
	}
	return withID(art, label), nil
}
