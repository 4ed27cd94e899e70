package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/percent"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

func init() { register("diff", true, diffCommand) }

// diffOptions are diff's flags.
type diffOptions struct {
	format      string
	dir         string
	story       string // with a DIR of several stories: the one A and B are in
	exitCode    bool
	quiet       bool // -q: nothing printed, the status alone says whether the texts differ
	context     int  // passages of context around each change; -1 shows all
	ignoreCase  bool
	ignorePunct bool
	withText    bool
	// gitHeader, in git's external diff, is what else git says of the
	// file (a rename, a mode change), a line each: two texts of the same
	// words are then said to be the same, with it, rather than shown as
	// nothing, as git shows a file's header when -w leaves no change;
	// a diff of words has it above its ---/+++ lines, as git's has.
	gitHeader []string
	// gitSame is what the line saying the two texts have the same words
	// adds in brackets: gitHeader, after git's line for a file created
	// or deleted ("new file mode 100644"), which an empty file's coming
	// or going is shown by alone.
	gitSame []string
	gitCall bool
	// names are A and B as the command line named them: two articles of
	// one id (old/story.txt and new/story.txt, two stories' 01_nytimes)
	// are headed by them, as their headers would otherwise read the same.
	names [2]string
	// source names the articles' files in JSON; sourceNamer's when nil.
	source func(string) string
	// path, in a diff of two folders, is the pair's path in each, which
	// its JSON gives; the headers then name each side by names, always.
	path string
	// onlyIn, in a diff of two folders, is the line heading a file that
	// one folder has alone ("new file, only in new"): the pair differs,
	// whatever its words.
	onlyIn string
	// after, in a diff of two folders, says a pair's text was written
	// before this one's, which a blank line then parts it from.
	after bool
}

const diffLong = `Compare two articles passage by passage and word by word. A and B are file
paths (a pipe too, as in <(git show HEAD:a.txt)), "-" for standard input,
article ids (the file name without its extension, or a unique prefix of it;
STORY/ID in a folder of stories, which the other side's id, when several
stories have it, is looked up in too; or --story STORY) or outlet names (a
case-insensitive prefix will do) in DIR or the built-in story. Standard
input is named "-" in the header and in messages, as diff names it. A
folder beside a file stands for its file of the same name, as in diff and
git diff --no-index: newsdiff diff story.txt old/ compares story.txt with
old/story.txt. A file of no words (empty, blank), like /dev/null, is an
empty side: every word of the other is shown inserted or deleted.

Two folders (newsdiff diff yesterday/ today/) are compared as diff -r and
git diff --no-index compare them: their article files (.txt, .md, .html,
.htm, at any depth, as a folder is listed; not the .newsdiff index, nor
hidden files, nor a README, LICENSE and the like, nor meta.json, whose
metadata the files take) are paired by their path in each folder and
shown pair after pair, in the order of the paths, each as the diff of
the two files, with the flags given; a pair that says the same prints
nothing in plain and ansi. A file one folder has alone is compared with
an empty side, /dev/null, under a line saying "new file, only in today/"
or "deleted file, only in yesterday/", and counts as a difference. A
file that cannot be read is said on a line of its own and the rest
compared; the status is then that of an error. JSON is a line per pair
(JSON Lines), each diff's document for two files with the pair's "path";
HTML, one page for two articles, is refused. newsdiff yesterday/ today/,
without diff, opens the same pairs in the reader.

Each passage is labelled with its kind (aligned, moved, left only, right
only), the paragraphs it sits in on each side (¶1 is the title) and how much
of it is worded the same. Plain text marks what only the left says as
[-…-] and what only the right says as {+…+} (a paragraph break one side
has alone as [-¶-] or {+¶+}), and a fragment both sides have in different
places where it left as [~…~] and where it went as {~…~}; with colour,
deletions are orange and struck through, insertions blue and underlined,
and moved fragments purple and italic. A paraphrase with under half of
its words the same is shown as its two passages, the left on a line
starting "< " and the right on one starting "> ", with the content words
both have marked {=…=} and a number, day or time they give differently
{!…!}.

Two articles that say the same (under --ignore-case and
--ignore-punctuation, if given) print nothing in plain and ansi, as diff
and git diff do; JSON and HTML still give the whole comparison. With -q
nothing is printed whatever the format, and the status says whether the
texts differ, as with --exit-code (git diff --quiet, cmp -s).`

const diffExample = `  newsdiff diff swell "al jaz"
  newsdiff diff a.txt b.txt --context 1 --ignore-punctuation
  newsdiff diff 003 004 --format json --with-text | jq '.blocks[0]'
  curl -s https://example.org/story | newsdiff diff - b.txt
  newsdiff diff --exit-code old.txt new.txt || echo changed
  newsdiff diff -q old.txt new.txt && echo same
  newsdiff diff -U 0 yesterday/ today/
  newsdiff diff --dir ~/stories --story gop 01_nytimes 02_wapo`

func diffCommand(a *app) *cobra.Command {
	var o diffOptions
	var cmd *cobra.Command
	cmd = &cobra.Command{
		Use:     "diff [flags] A B [DIR]",
		Short:   "Compare two articles word by word",
		Long:    diffLong,
		Example: diffExample,
		Args: func(_ *cobra.Command, args []string) error {
			if n := len(args); n < 2 || n > 3 {
				if !a.env.Files {
					// Served, where naming a folder is refused: the usage
					// does not offer one.
					return usagef("want two articles, A and B, got %s", plural.Count(n, "argument", "arguments"))
				}
				return usagef("want two articles, A and B, and at most their folder, got %s", plural.Count(n, "argument", "arguments"))
			}
			if args[0] == "-" && args[1] == "-" {
				// The second read would find it empty and call the
				// article empty; the reader refuses the same.
				return usagef("standard input can be read only once")
			}
			return noEmptyPath(args)
		},
		ValidArgsFunction: a.completeArticles,
		RunE: a.printing(func(ctx context.Context, p *printer, args []string) error {
			if o.dir == "" && cmd.Flags().Changed("dir") {
				return noEmptyPath([]string{o.dir})
			}
			if len(args) == 3 {
				if o.dir != "" {
					return usagef("a directory is named twice")
				}
				o.dir = args[2]
			}
			if o.dir != "" && a.env.Files && isNotDir(o.dir) {
				// Read as a folder of one article, a file passed: beside
				// two files, unread (diff a.txt b.txt c.txt compared two
				// and said nothing of the third), beside ids, as the
				// folder they were not in. DIR is a folder or nothing: a
				// file there is a usage error, as diff(1) says of a
				// third file.
				if len(args) == 3 {
					return usagef("%s is not a folder: a third argument is the folder A and B are looked up in", Name(o.dir))
				}
				return usagef("--dir %s is not a folder: it names the folder A and B are looked up in", Name(o.dir))
			}
			if o.format == "" {
				o.format = "plain"
				if a.colorOn() {
					o.format = "ansi"
				}
			}
			if o.withText && o.format != "json" {
				// Silently ignored, it read as a flag that had worked.
				return usagef("--with-text gives JSON ops their text: it needs --format json")
			}
			left, right := args[0], args[1]
			if a.twoFolders(left, right, o) {
				return a.diffFolders(ctx, p, cmd.CommandPath(), left, right, o)
			}
			if a.env.Files && o.dir == "" {
				left, right = intoFolder(left, right)
			}
			return a.diff(ctx, p, left, right, o)
		}),
	}
	f := cmd.Flags()
	a.formatFlag(cmd, &o.format, "", "ansi", "plain", "json", "html")
	f.Lookup("format").Usage = "output `FORMAT`: ansi, plain, json or html (default ansi when colour is on, else plain)"
	f.StringVar(&o.dir, "dir", "", "the folder `DIR` that A and B are looked up in (a third argument does the same)")
	_ = cmd.MarkFlagDirname("dir")
	f.StringVar(&o.story, "story", "", "look A and B up in this `STORY` of DIR, by number or name (its start, or a part of it, will do)")
	_ = cmd.RegisterFlagCompletionFunc("story", a.completeStories)
	f.BoolVar(&o.exitCode, "exit-code", false, "exit with status 1 when the texts differ, 0 when they do not, 2 on an error")
	f.VarPF(quietValue{&o.quiet, &o.exitCode}, "quiet", "q", "print nothing; the status says whether the texts differ, as with --exit-code").NoOptDefVal = "true"
	o.context = -1
	f.VarP(contextValue{&o.context}, "context", "U", "show only changed passages, with `N` unchanged passages around each")
	f.BoolVarP(&o.ignoreCase, "ignore-case", "i", false, "take words that differ only in case as the same")
	f.BoolVar(&o.ignorePunct, "ignore-punctuation", false, "take changes of punctuation alone (and quote or dash styles) as no change")
	f.BoolVar(&o.withText, "with-text", false, "JSON: give each op its text, so the output is usable without the files (needs --format json)")
	return cmd
}

// quietValue is diff's -q: --exit-code printing nothing. It sets
// --exit-code too, so that an error is 2 (see app.exit), as a
// difference is 1: git diff --quiet implies --exit-code.
type quietValue struct{ quiet, exitCode *bool }

func (q quietValue) String() string {
	if q.quiet == nil {
		return "false"
	}
	return strconv.FormatBool(*q.quiet)
}

func (q quietValue) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*q.quiet = on
	if on {
		*q.exitCode = true
	}
	return nil
}

func (quietValue) Type() string { return "bool" }

func (quietValue) IsBoolFlag() bool { return true }

// contextValue is -U's value: a count of passages, 0 or more, or "all",
// which the count holds as -1. "all" is what the help gives as diff's
// default, and was refused as no whole number; a count below 0 is refused
// (-U -1 was once taken for "all" without a word).
type contextValue struct{ n *int }

func (c contextValue) String() string {
	if *c.n < 0 {
		return "all"
	}
	return strconv.Itoa(*c.n)
}

func (c contextValue) Set(s string) error {
	if s == "all" {
		*c.n = -1
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return errors.New("want a count of passages, 0 or more, or all")
	}
	*c.n = n
	return nil
}

func (contextValue) Type() string { return "count" }

// diff compares the articles left and right name and writes the result.
func (a *app) diff(ctx context.Context, p *printer, left, right string, o diffOptions) error {
	a.limitMemoryTo(comparisonMemoryLimit)
	if a.isArchive(o.dir) {
		// -q prints nothing, as index -q draws no bar: a script run on a
		// terminal had one for as long as a new archive was indexed.
		p.noProgress = o.quiet
		arts, err := a.diffInArchive(ctx, p, o.dir, o.story, left, right)
		if err != nil {
			return err
		}
		o.names = [2]string{left, right}
		return a.writeDiff(ctx, p, arts[0], arts[1], o)
	}
	var c *corpus.Corpus
	var err error
	if o.story == "" {
		c, err = a.corpusFor([]string{left, right}, o.dir, p)
	} else {
		c, err = storyCorpus(p, o.dir, o.story)
	}
	if err != nil {
		return err
	}
	// Two files of one folder: its meta.json is read once.
	files := new(corpus.Files)
	l, err := a.resolveSide(left, c, p, files)
	if err != nil {
		return err
	}
	r, err := a.resolveSide(right, c, p, files)
	if err != nil {
		return err
	}
	o.names = [2]string{left, right}
	return a.writeDiff(ctx, p, l, r, o)
}

// intoFolder returns A and B with a folder named beside a file made the
// folder's file of the same name, as diff(1) and git diff --no-index take
// "diff new/story.txt old/": that was "old/: is a directory".
func intoFolder(a, b string) (string, string) {
	switch {
	case isRegularFile(a) && isDir(b):
		return a, filepath.Join(b, filepath.Base(a))
	case isDir(a) && isRegularFile(b):
		return filepath.Join(a, filepath.Base(b)), b
	}
	return a, b
}

// resolveSide resolves one side of a diff, as resolve does, but takes a
// file named as name that has no words (empty, blank,
// or markup alone) for an empty side, as diff(1), wdiff and git do and as
// /dev/null is: every word of the other side is then shown inserted or
// deleted, where the file was refused ("no words"), so that a file
// emptied in an edit could not be compared with what it was. Any other
// error is returned as it is.
func (a *app) resolveSide(name string, c *corpus.Corpus, p *printer, files *corpus.Files) (*corpus.Article, error) {
	art, err := a.resolve(name, c, p, files)
	if noWords(err) {
		return emptySide(name), nil
	}
	return art, err
}

// emptySide is the empty article of the file name, which has no words:
// named as a file with words would be, by its id (the file name without
// its extension), standard input and a pipe as readStdin and readPipe
// name them.
func emptySide(name string) *corpus.Article {
	id := name
	switch {
	case name == "-":
		id = stdinID
	case !isStream(name):
		id = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return emptyArticle(id, name)
}

// writeDiff compares l and r and writes the comparison in o's format.
func (a *app) writeDiff(ctx context.Context, p *printer, l, r *corpus.Article, o diffOptions) error {
	differs, err := a.writePair(ctx, p, l, r, o)
	if err != nil {
		return err
	}
	if o.exitCode && differs {
		return exitError{ExitError}
	}
	return nil
}

// writePair is writeDiff without the status: it says whether the texts
// differ, which two folders' diff asks of each pair.
func (a *app) writePair(ctx context.Context, p *printer, l, r *corpus.Article, o diffOptions) (bool, error) {
	// A file against itself or a copy: one text model for both sides.
	corpus.ShareText(l, r)
	var cmp *compare.Comparison
	var err error
	if a.env.Cache != nil {
		cmp, err = a.env.Cache.Compare(ctx, l, r)
	} else {
		cmp, err = compare.Compare(ctx, l, r)
	}
	if err != nil {
		return false, err
	}
	o.source = a.sourceNamer()
	v := newDiffView(cmp, o)
	// The output is written in chunks and copied to stdout's buffer once
	// the comparison is dropped: a buffer that doubles as it grows held
	// up to three times the output (48 MB for 19) next to the comparison,
	// which was the peak of comparing two 5 MiB files (issue 13).
	w := &chunkWriter{}
	// A file one folder has alone differs, even empty: it came or went.
	differs := v.differs() || o.onlyIn != ""
	switch {
	case o.quiet:
		// Nothing to write: the status says it all.
	case o.format == "json":
		err = v.writeJSON(w, differs)
	case o.format == "plain", o.format == "ansi":
		if !differs {
			// Like diff(1), git diff and delta: nothing to show is
			// shown as nothing, so a script (or a reader) sees at
			// once that the texts are the same. JSON and HTML are
			// documents a program or a browser expects whole.
			if o.gitCall {
				writeSame(w, l, r, strings.Join(o.gitSame, "; "))
			}
			break
		}
		m := plainMarks()
		if o.format == "ansi" && a.colorOn() {
			m = ansiMarks(a.lightBackground())
		}
		if o.after {
			fmt.Fprintln(w)
		}
		err = v.writeText(w, m)
	case o.format == "html":
		err = v.writeHTML(w)
	}
	if err != nil {
		return false, err
	}
	// Past here nothing refers to the comparison or the articles (unless
	// a cache keeps them): the collector can take them while stdout's
	// buffer grows.
	w.copyTo(&p.stdout)
	return differs, nil
}

// chunkWriter keeps what is written in chunks of at most chunkSize bytes,
// so that it never copies what it holds. The first chunk is
// firstChunkSize and each next one twice the last: a first chunk of 1 MiB
// was two thirds of what diff allocated on two short articles, most of it
// never written.
type chunkWriter struct {
	chunks [][]byte
	size   int
}

const (
	chunkSize      = 1 << 20
	firstChunkSize = 16 << 10
)

func (w *chunkWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if k := len(w.chunks); k == 0 {
			w.chunks = append(w.chunks, make([]byte, 0, firstChunkSize))
		} else if last := w.chunks[k-1]; len(last) == cap(last) {
			w.chunks = append(w.chunks, make([]byte, 0, min(2*cap(last), chunkSize)))
		}
		last := &w.chunks[len(w.chunks)-1]
		m := min(len(b), cap(*last)-len(*last))
		*last = append(*last, b[:m]...)
		b = b[m:]
	}
	w.size += n
	return n, nil
}

// copyTo writes the chunks to out, growing it once, and lets each chunk
// go as it is copied.
func (w *chunkWriter) copyTo(out *bytes.Buffer) {
	out.Grow(w.size)
	for i, c := range w.chunks {
		out.Write(c)
		w.chunks[i] = nil
	}
	w.chunks, w.size = nil, 0
}

// corpusFor loads the corpus that names are looked up in: the directory if
// one is given; none when every name is an existing file or standard
// input; else the default corpus.
func (a *app) corpusFor(names []string, dir string, p *printer) (*corpus.Corpus, error) {
	if dir == "" && a.env.Files {
		files := 0
		for _, n := range names {
			if n == "-" || (looksLikePath(n) && pathExists(n)) {
				files++
			}
		}
		if files == len(names) {
			return nil, nil
		}
	}
	return p.load(dir)
}

// storyCorpus loads the corpus of dir (or the built-in one) and keeps of it
// the story name picks, as the story commands take --story: diff --story
// looks its articles up there alone.
func storyCorpus(p *printer, dir, name string) (*corpus.Corpus, error) {
	c, err := p.load(dir)
	if err != nil {
		return nil, err
	}
	return p.app.inStory(c, name)
}

// JSON shapes of `diff --format json` (docs/json.md). Spans are [start,
// end) byte offsets into each article file's original bytes; a missing side
// is null.
type (
	jsonArticle struct {
		ID     string `json:"id"`
		Outlet string `json:"outlet"`
		Title  string `json:"title"`
		Source string `json:"source"`
		// SourceBytes is Source's bytes in base64 when they are not
		// valid UTF-8 (see sourceBytes); omitted otherwise.
		SourceBytes string `json:"source_bytes,omitempty"`
	}
	jsonOp struct {
		Op    string  `json:"op"`
		Left  *[2]int `json:"left,omitempty"`
		Right *[2]int `json:"right,omitempty"`
		// With --with-text: each side's text of the op.
		LeftText  *string `json:"left_text,omitempty"`
		RightText *string `json:"right_text,omitempty"`
		// Moved marks a delete whose words the other side inserts
		// elsewhere in the pair, and that insert.
		Moved bool `json:"moved,omitempty"`
	}
	jsonBlock struct {
		Kind       string   `json:"kind"`
		Left       *[2]int  `json:"left"`
		Right      *[2]int  `json:"right"`
		Similarity float64  `json:"similarity"`
		Match      *string  `json:"match"`
		Score      float64  `json:"score"`
		Ops        []jsonOp `json:"ops"`
		// PartOf is set on a block that pairs part of a sentence whose
		// other part another block pairs: which side, and the whole
		// sentence's span.
		PartOf *jsonPart `json:"part_of,omitempty"`
		// RightPartOf is set, with PartOf on the left, on a block both
		// of whose sides are parts of sentences.
		RightPartOf *jsonPart `json:"right_part_of,omitempty"`
	}
	jsonPart struct {
		Side  string `json:"side"`
		Whole [2]int `json:"whole"`
	}
	jsonComparison struct {
		SchemaVersion int `json:"schema_version"`
		// Path is the pair's path in each folder, in a diff of two
		// folders (a line per pair); omitted otherwise.
		Path       string      `json:"path,omitempty"`
		Left       jsonArticle `json:"left"`
		Right      jsonArticle `json:"right"`
		Similarity float64     `json:"similarity"`
		// Differs is what --exit-code goes by: whether the texts differ
		// anywhere, under --ignore-case and --ignore-punctuation.
		Differs bool `json:"differs"`
		// Bounded is present, true, when the texts were too large for a
		// full comparison: only identical paragraphs were paired.
		Bounded bool        `json:"bounded,omitempty"`
		Blocks  []jsonBlock `json:"blocks"`
	}
)

// fileSpan is s of a's text as JSON gives a span: into a's file
// (docs/json.md), which a file read as saved is too.
func fileSpan(a *corpus.Article, s corpus.Span) [2]int {
	f := a.FileSpan(s)
	return [2]int{f.Start, f.End}
}

// spanJSON is fileSpan for a field that may be null.
func spanJSON(a *corpus.Article, s corpus.Span) *[2]int {
	f := fileSpan(a, s)
	return &f
}

// articleJSON is a's entry in JSON, its file named by name (see
// sourceNamer).
func articleJSON(a *corpus.Article, name func(string) string) jsonArticle {
	source := name(a.Source)
	return jsonArticle{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Source: source, SourceBytes: sourceBytes(source)}
}

// round keeps JSON similarities readable; four decimals are plenty. As
// percent.Of does, it rounds a share short of whole to 0.9999 at most, and
// one above none to 0.0001 at least: a comparison differing by one word in
// 20,000 read "similarity": 1 beside "differs": true.
func round(f float64) float64 {
	r := float64(int64(f*10000+0.5)) / 10000
	switch {
	case f < 1 && r >= 1:
		return 0.9999
	case f > 0 && r <= 0:
		return 0.0001
	}
	return r
}

// diffView is what a diff writer shows of a comparison: which blocks
// (--context), which differences count (--ignore-case,
// --ignore-punctuation) and whether JSON carries text.
type diffView struct {
	cmp  *compare.Comparison
	opts diffOptions
	// show[i] says block i is written.
	show []bool
}

func newDiffView(c *compare.Comparison, o diffOptions) diffView {
	v := diffView{cmp: c, opts: o, show: make([]bool, len(c.Blocks))}
	if o.context < 0 {
		for i := range v.show {
			v.show[i] = true
		}
		return v
	}
	for i, b := range c.Blocks {
		if !v.changed(b) {
			continue
		}
		// The count is held to the blocks there are: i+o.context
		// overflowed for the largest counts (-U 9223372036854775807),
		// and no block was shown.
		n := min(o.context, len(c.Blocks))
		for j := max(0, i-n); j <= min(len(c.Blocks)-1, i+n); j++ {
			v.show[j] = true
		}
	}
	return v
}

// changed says whether block b differs between the sides, under the
// view's ignore rules.
func (v diffView) changed(b compare.Block) bool {
	if b.Kind != compare.Aligned {
		return true
	}
	for _, op := range b.Ops {
		switch {
		case op.Kind == compare.OpEqual:
			for _, pt := range v.equalParts(op) {
				if pt.changed {
					return true
				}
			}
		case op.Minor && v.opts.ignorePunct:
		case isSpace(v.opText(op)):
			// Layout alone (a paragraph break) is not a change of wording.
		default:
			return true
		}
	}
	return false
}

// opText is the text of a delete or insert.
func (v diffView) opText(op compare.Op) string {
	if op.Kind == compare.OpInsert {
		return v.cmp.Right.Text(op.Right)
	}
	return v.cmp.Left.Text(op.Left)
}

// differs says whether the texts differ anywhere: diff --exit-code.
func (v diffView) differs() bool {
	for _, b := range v.cmp.Blocks {
		if v.changed(b) {
			return true
		}
	}
	return false
}

// equalPart is a stretch of an equal op: the same bytes on both sides, or
// one word or mark the matching forms take as equal but that differs in
// case or in its quote, apostrophe or dash style.
type equalPart struct {
	left, right string
	changed     bool
}

// equalParts splits an equal op where its sides' bytes differ in a way
// the view does not ignore. Whitespace and control tokens always count as
// equal: the left's layout is kept, as wdiff does.
func (v diffView) equalParts(op compare.Op) []equalPart {
	l, r := v.cmp.Left, v.cmp.Right
	lt, rt := l.TokensIn(op.Left), r.TokensIn(op.Right)
	whole := []equalPart{{left: l.Text(op.Left), right: r.Text(op.Right)}}
	if lt.End-lt.Start != rt.End-rt.Start {
		return whole
	}
	// Parts grow by spans and become text at the end: appending each
	// token's text to a string would copy an article-long equal op once
	// per token.
	type spanPart struct {
		left, right corpus.Span
		changed     bool
	}
	var parts []spanPart
	add := func(a, b corpus.Span, changed bool) {
		if k := len(parts) - 1; k >= 0 && !changed && !parts[k].changed {
			parts[k].left.End, parts[k].right.End = a.End, b.End
			return
		}
		parts = append(parts, spanPart{a, b, changed})
	}
	for i := range lt.End - lt.Start {
		tl, tr := l.Tokens.At(lt.Start+i), r.Tokens.At(rt.Start+i)
		a, b := l.Text(tl.Span), r.Text(tr.Span)
		switch {
		case a == b || tl.Kind == corpus.TokSpace || tl.Kind == corpus.TokControl:
			// Layout, and controls no output shows, are not wording.
			add(tl.Span, tr.Span, false)
		case strings.EqualFold(a, b):
			add(tl.Span, tr.Span, !v.opts.ignoreCase)
		default:
			// The forms are equal, the bytes are not, and case is not all
			// of it: a curly or straight quote, apostrophe or dash.
			add(tl.Span, tr.Span, !v.opts.ignorePunct)
		}
	}
	out := make([]equalPart, len(parts))
	for i, pt := range parts {
		out[i] = equalPart{l.Text(pt.left), r.Text(pt.right), pt.changed}
	}
	return out
}

// WriteJSON writes c in the documented JSON schema (docs/json.md).
func WriteJSON(w io.Writer, c *compare.Comparison) error {
	v := newDiffView(c, diffOptions{context: -1})
	return v.writeJSON(w, v.differs())
}

// writeJSON writes the comparison as JSON; differs is v.differs(), which
// the caller has at hand.
func (v diffView) writeJSON(w io.Writer, differs bool) error {
	c := v.cmp
	name := v.opts.source
	if name == nil {
		name = sourceNamer()
	}
	out := jsonComparison{
		SchemaVersion: SchemaVersion,
		Path:          v.opts.path,
		Left:          articleJSON(c.Left, name),
		Right:         articleJSON(c.Right, name),
		Similarity:    round(c.Similarity),
		Differs:       differs,
		Bounded:       c.Bounded,
		Blocks:        []jsonBlock{},
	}
	// The document is written a block at a time, as writeJSON would write
	// it whole: a comparison of two 5 MiB files has 140,000 blocks, whose
	// JSON values and encoding, held at once, took 60 MB (issue 13).
	var head bytes.Buffer
	if err := writeJSON(&head, out); err != nil {
		return err
	}
	closing := []byte("]}\n")
	if !bytes.HasSuffix(head.Bytes(), closing) {
		return fmt.Errorf("diff JSON: the document does not end in its block list: %q", head.Bytes()[max(0, head.Len()-8):])
	}
	if _, err := w.Write(head.Bytes()[:head.Len()-len(closing)]); err != nil {
		return err
	}
	first := true
	text := func(a *corpus.Article, s corpus.Span) *string {
		if !v.opts.withText {
			return nil
		}
		t := a.Text(s)
		return &t
	}
	for i, b := range c.Blocks {
		if !v.show[i] {
			continue
		}
		jb := jsonBlock{Kind: b.Kind.String(), Similarity: round(b.Similarity), Score: round(b.Score), Ops: make([]jsonOp, 0, len(b.Ops))}
		if b.Match != compare.NoMatch {
			m := b.Match.String()
			jb.Match = &m
		}
		if left, ok := c.SplitSide(b); ok {
			side, sideArt, whole := "right", c.Right, c.Right.Sentences[b.RightSentences.Start]
			if left {
				side, sideArt, whole = "left", c.Left, c.Left.Sentences[b.LeftSentences.Start]
			}
			jb.PartOf = &jsonPart{Side: side, Whole: fileSpan(sideArt, whole.Span())}
			if left && b.SiblingRight >= 0 {
				whole := c.Right.Sentences[b.RightSentences.Start]
				jb.RightPartOf = &jsonPart{Side: "right", Whole: fileSpan(c.Right, whole.Span())}
			}
		}
		if b.Kind != compare.RightOnly {
			jb.Left = spanJSON(c.Left, b.Left)
		}
		if b.Kind != compare.LeftOnly {
			jb.Right = spanJSON(c.Right, b.Right)
		}
		for _, op := range b.Ops {
			jo := jsonOp{Op: op.Kind.String(), Moved: op.Moved}
			if op.Kind != compare.OpInsert {
				jo.Left = spanJSON(c.Left, op.Left)
				jo.LeftText = text(c.Left, op.Left)
			}
			if op.Kind != compare.OpDelete {
				jo.Right = spanJSON(c.Right, op.Right)
				jo.RightText = text(c.Right, op.Right)
			}
			jb.Ops = append(jb.Ops, jo)
		}
		enc, err := json.Marshal(jb)
		if err != nil {
			return err
		}
		if !first {
			if _, err := w.Write([]byte{','}); err != nil {
				return err
			}
		}
		first = false
		if _, err := w.Write(escapeJSON(enc)); err != nil {
			return err
		}
	}
	_, err := w.Write(closing)
	return err
}

// marks says how a text rendering shows each part of a diff.
type marks struct {
	del, ins           func(string) string // a changed passage of words
	minorDel, minorIns func(string) string // a punctuation or whitespace change
	label              func(string) string // a block's heading line
	shared, differ     func(string) string // in a paraphrase pair: a word both sides have, a number or day they give differently
	movedDel, movedIns func(string) string // a fragment of a pair that the other side has elsewhere: where it was, where it went
}

// plainMarks marks wdiff-style: deletions [-…-], insertions {+…+}.
func plainMarks() marks {
	wrap := func(open, close string) func(string) string {
		return func(s string) string { return open + s + close }
	}
	return marks{del: wrap("[-", "-]"), ins: wrap("{+", "+}"), minorDel: wrap("[-", "-]"), minorIns: wrap("{+", "+}"), label: func(s string) string { return s },
		shared: wrap("{=", "=}"), differ: wrap("{!", "!}"), movedDel: wrap("[~", "~]"), movedIns: wrap("{~", "~}")}
}

// WritePlain writes c wdiff-style: passages in left order, each under a
// label line, deletions as [-…-] and insertions as {+…+}.
func WritePlain(w io.Writer, c *compare.Comparison) error {
	return newDiffView(c, diffOptions{context: -1}).writeText(w, plainMarks())
}

// WriteANSI writes c like WritePlain, with colour and attributes in place
// of markers: deletions orange and struck through, insertions blue and
// underlined — a pair that red–green colour blindness keeps apart, and
// whose attributes carry the meaning without colour — in the shades for a
// dark background.
func WriteANSI(w io.Writer, c *compare.Comparison) error {
	return newDiffView(c, diffOptions{context: -1}).writeText(w, ansiMarks(false))
}

// ansiMarks are the colours and attributes of the ANSI formats, in 256
// colours, which every terminal of the last decades shows: bright shades
// on a dark background, and darker ones on a light one (light), where
// orange 208 and blue 39 stood at 2.4:1 against white. Each stands at
// 4.5:1 or more against black or white. termenv styles a run of text
// once; lipgloss would style strikethrough and underline rune by rune,
// which multiplies the output.
func ansiMarks(light bool) marks {
	p := termenv.ANSI256
	style := func(fg string, apply func(termenv.Style) termenv.Style) func(string) string {
		return func(s string) string {
			st := p.String(s)
			if fg != "" {
				st = st.Foreground(p.Color(fg))
			}
			return apply(st).String()
		}
	}
	del, ins, moved := "208", "39", "141"
	if light {
		del, ins, moved = "130", "25", "97"
	}
	return marks{
		del:      style(del, termenv.Style.CrossOut),
		ins:      style(ins, termenv.Style.Underline),
		minorDel: style(del, termenv.Style.Faint),
		minorIns: style(ins, termenv.Style.Faint),
		label:    style("", func(st termenv.Style) termenv.Style { return st.Bold().Faint() }),
		shared:   style("", termenv.Style.Bold),
		differ:   style(del, termenv.Style.Reverse),
		// Moved fragments keep the attribute of their side and take a
		// colour of their own, so that they read as one thing in two
		// places even without colour.
		movedDel: style(moved, func(st termenv.Style) termenv.Style { return st.CrossOut().Italic() }),
		movedIns: style(moved, func(st termenv.Style) termenv.Style { return st.Underline().Italic() }),
	}
}

// boundedNote is the line a text diff of a bounded comparison carries.
const boundedNote = "note: texts past 100,000 sentences or 250,000 distinct words a side: only identical paragraphs are paired"

// diffSummary counts a comparison's changes, as the text and HTML diffs
// head them: "12 words deleted, 30 inserted · 0 moved · 1 left only · 2
// right only". The words are counted as the reader's status counts them,
// those of one-sided passages included: "15 words deleted" beside a 22%
// similarity, where 261 of 340 words are not in the other article, said
// less than the truth.
func diffSummary(st compare.Stats) string {
	return fmt.Sprintf("%s, %s inserted · %s moved · %s left only · %s right only",
		plural.Count(st.DeletedWords(), "word deleted", "words deleted"), digits.Group(st.InsertedWords()), digits.Group(st.Moved), digits.Group(st.LeftOnly), digits.Group(st.RightOnly))
}

func (v diffView) writeText(w io.Writer, m marks) error {
	c := v.cmp
	l, r := c.Left, c.Right
	st := c.Stats()
	lh, rh := articleHeader(l.ID, l), articleHeader(r.ID, r)
	if n := v.opts.names; v.opts.path != "" || (l.ID == r.ID && l.Source != r.Source && n[0] != "" && n[0] != n[1]) {
		lh, rh = articleHeader(n[0], l), articleHeader(n[1], r)
	}
	if v.opts.onlyIn != "" {
		fmt.Fprintln(w, m.label(v.opts.onlyIn))
	}
	for _, line := range v.opts.gitHeader {
		// "old mode 100644", "new mode 100755": a mode changed with
		// the words was shown nowhere.
		fmt.Fprintln(w, m.label(line))
	}
	fmt.Fprintln(w, m.label("--- "+lh))
	fmt.Fprintln(w, m.label("+++ "+rh))
	fmt.Fprintf(w, "similarity %s · %s\n", percent.String(c.Similarity), diffSummary(st))
	if c.Bounded {
		fmt.Fprintln(w, boundedNote)
	}
	for i, b := range c.Blocks {
		if !v.show[i] {
			continue
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, m.label(BlockLabel(c, b)))
		if ui.ShownApart(&b) {
			writeParaphrase(w, c, b, m)
			continue
		}
		var sb strings.Builder
		for i, op := range b.Ops {
			switch op.Kind {
			case compare.OpEqual:
				for _, pt := range v.equalParts(op) {
					if pt.changed {
						sb.WriteString(markLines(m.minorDel, termsafe.Display(pt.left)))
						sb.WriteString(markLines(m.minorIns, termsafe.Display(pt.right)))
					} else {
						sb.WriteString(termsafe.Display(pt.left))
					}
				}
			case compare.OpDelete:
				text := termsafe.Display(l.Text(op.Left))
				next := v.insertAfter(b, i)
				words, space, fromDel, shared := sharedSpace(text, next)
				switch {
				case shared && !fromDel:
					// A space replaced by words and a space (" " by ", "):
					// the insert writes its words, then this space.
				case isSpace(text):
					// The left's own layout stays; a paragraph break the
					// right does not have is marked.
					if strings.Contains(text, "\n") {
						sb.WriteString(m.minorDel("¶"))
					}
					sb.WriteString(text)
				default:
					// Words and a space replaced by a space (", " by " "):
					// the space both sides have is written as such, not
					// as deleted with the words (see sharedSpace).
					tail := ""
					if shared {
						text, tail = words, space
					}
					if !op.Minor || !v.opts.ignorePunct {
						sb.WriteString(markLines(changeMark(op, m.minorDel, m.movedDel, m.del), text))
					}
					sb.WriteString(tail)
				}
			case compare.OpInsert:
				text := termsafe.Display(r.Text(op.Right))
				prev := v.deleteBefore(b, i)
				tail := ""
				if words, space, fromDel, shared := sharedSpace(prev, text); shared && !fromDel {
					// The space the delete before held back: the left's
					// layout, after the words.
					text, tail = words, space
				}
				switch {
				case isSpace(text) && strings.Contains(text, "\n"):
					sb.WriteString(m.minorIns("¶"))
				case isSpace(text):
					// A space after a delete was written with it (the
					// delete's own, or the one it ended with).
					if !endsInSpace(prev) {
						sb.WriteString(" ")
					}
				case op.Minor && v.opts.ignorePunct:
					sb.WriteString(text)
				default:
					sb.WriteString(markLines(changeMark(op, m.minorIns, m.movedIns, m.ins), text))
				}
				sb.WriteString(tail)
			}
		}
		fmt.Fprintln(w, sb.String())
	}
	return nil
}

// articleHeader names an article on one line: by name (its id, or the
// path it was named by), then its outlet and title, leaving out an outlet
// that only repeats the id (a file without metadata) and what is empty
// (git's /dev/null).
func articleHeader(name string, a *corpus.Article) string {
	parts := []string{Name(name)}
	if o := cell(a.Outlet); o != "" && a.Outlet != a.ID {
		parts = append(parts, o)
	}
	if t := cell(a.Title); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// writeParaphrase shows a paraphrase pair as its two passages, left then
// right, with the content words both have marked and a number or day they
// give differently flagged: its word diff would strike through almost
// every word.
func writeParaphrase(w io.Writer, c *compare.Comparison, b compare.Block, m marks) {
	sw := analysis.Shared(c, b)
	fmt.Fprintln(w, "< "+markWords(c.Left, b.Left, sw.Left, sw.LeftDiffer, m))
	fmt.Fprintln(w, "> "+markWords(c.Right, b.Right, sw.Right, sw.RightDiffer, m))
}

// markWords returns span s of a, made safe for a terminal and put on one
// line, with the words in shared and differ marked. Both lists are in text
// order.
func markWords(a *corpus.Article, s corpus.Span, shared, differ []corpus.Span, m marks) string {
	var sb strings.Builder
	at := s.Start
	text := func(from, to int) string {
		return flatten.Replace(termsafe.Display(a.Text(corpus.Span{Start: from, End: to})))
	}
	mark := func(sp corpus.Span, f func(string) string) {
		sb.WriteString(text(at, sp.Start))
		sb.WriteString(f(text(sp.Start, sp.End)))
		at = sp.End
	}
	i, j := 0, 0
	for i < len(shared) || j < len(differ) {
		if j == len(differ) || i < len(shared) && shared[i].Start < differ[j].Start {
			mark(shared[i], m.shared)
			i++
		} else {
			mark(differ[j], m.differ)
			j++
		}
	}
	sb.WriteString(text(at, s.End))
	return sb.String()
}

// flatten puts a passage on one line: each side of a paraphrase pair is
// one row, marked with < or >.
var flatten = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// changeMark returns the marker of op's changed words, a delete's or an
// insert's: minor for a punctuation or whitespace change, moved for a
// fragment the other side has elsewhere, words for the rest.
func changeMark(op compare.Op, minor, moved, words func(string) string) func(string) string {
	switch {
	case op.Minor:
		return minor
	case op.Moved:
		return moved
	}
	return words
}

// markLines marks each line of s on its own, so that a change spanning a
// paragraph break keeps every line's markers (and colours) balanced.
func markLines(f func(string) string, s string) string {
	if !strings.Contains(s, "\n") {
		return f(s)
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if line != "" {
			lines[i] = f(line)
		}
	}
	return strings.Join(lines, "\n")
}

// BlockLabel names a block for a reader: its kind, where it sits in each
// article (¶ numbers count the article's paragraphs from 1, the title
// being ¶1), its similarity, and its role when it is not prose.
func BlockLabel(c *compare.Comparison, b compare.Block) string {
	var parts []string
	switch b.Kind {
	case compare.Aligned, compare.Moved:
		parts = append(parts, b.Kind.String(),
			fmt.Sprintf("¶%d ~ ¶%d", c.Left.ParagraphOf(b.LeftSentences), c.Right.ParagraphOf(b.RightSentences)),
			percent.String(b.Similarity))
		if b.Role == corpus.RoleProse {
			parts = append(parts, b.Match.String())
		}
	case compare.LeftOnly:
		parts = append(parts, "left only", fmt.Sprintf("¶%d", c.Left.ParagraphOf(b.LeftSentences)))
	case compare.RightOnly:
		parts = append(parts, "right only", fmt.Sprintf("¶%d", c.Right.ParagraphOf(b.RightSentences)))
	}
	if b.Role != corpus.RoleProse {
		parts = append(parts, b.Role.String())
	}
	if note := c.SplitNote(b); note != "" {
		parts = append(parts, note)
	}
	if b.Repeats >= 0 && int(b.Repeats) < len(c.Blocks) {
		rep := c.Blocks[b.Repeats]
		parts = append(parts, fmt.Sprintf("repeats ¶%d ~ ¶%d", c.Left.ParagraphOf(rep.LeftSentences), c.Right.ParagraphOf(rep.RightSentences)))
	}
	return "@@ " + strings.Join(parts, " · ") + " @@"
}

// isSpace reports whether s is all whitespace.
func isSpace(s string) bool { return strings.TrimSpace(s) == "" }

// isInlineSpace reports whether s is whitespace within a line: some, and
// no line break.
func isInlineSpace(s string) bool { return s != "" && isSpace(s) && !strings.Contains(s, "\n") }

// endsInSpace says whether s ends in whitespace.
func endsInSpace(s string) bool { return s != "" && strings.TrimRightFunc(s, unicode.IsSpace) != s }

// cutTrailingSpace splits s into what comes before its trailing
// whitespace, and that whitespace.
func cutTrailingSpace(s string) (body, space string) {
	body = strings.TrimRightFunc(s, unicode.IsSpace)
	return body, s[len(body):]
}

// sharedSpace reads a deletion and the insertion right after it, as the
// text writers (diff's and the quotes') show a change in one line, when
// one is a space within a line and the other words ending in a space
// (", " against " "): both sides have that space, so it is written plain
// after the changed words, "mayor[-,-] who" and "mayor{+,+} who", rather
// than deleted and inserted, "mayor[-, -]{+ +}who", which reads
// "mayorwho" with the marks left out (and --ignore-punctuation printed
// just that). words are the changed words without their space, the
// deletion's when fromDel, else the insertion's; space is what to write
// after them, the deletion's own: the left's layout. ok is false for any
// other pair, and for a space holding a line break, which diff marks.
func sharedSpace(del, ins string) (words, space string, fromDel, ok bool) {
	switch {
	case isInlineSpace(ins) && !isSpace(del) && endsInSpace(del):
		words, space = cutTrailingSpace(del)
		return words, space, true, true
	case isInlineSpace(del) && !isSpace(ins) && endsInSpace(ins):
		words, _ = cutTrailingSpace(ins)
		return words, del, false, true
	}
	return "", "", false, false
}

// insertAfter is the text of the insert that follows block b's op i, as
// the text writer shows it, or "" when an insert does not follow.
func (v diffView) insertAfter(b compare.Block, i int) string {
	if i+1 < len(b.Ops) && b.Ops[i+1].Kind == compare.OpInsert {
		return termsafe.Display(v.cmp.Right.Text(b.Ops[i+1].Right))
	}
	return ""
}

// deleteBefore is the text of the delete that precedes block b's op i, as
// the text writer shows it, or "" when a delete does not precede.
func (v diffView) deleteBefore(b compare.Block, i int) string {
	if i > 0 && b.Ops[i-1].Kind == compare.OpDelete {
		return termsafe.Display(v.cmp.Left.Text(b.Ops[i-1].Left))
	}
	return ""
}
