package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/extract/fetch"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// The import commands, extract and add, read the user's files and the
// network, so they exist only on the local command line (Env.Files), never
// over SSH. Their logic is in plain functions taking parsed options; the
// cobra commands around them only parse flags.

func init() {
	register("extract", false, extractCommand)
	register("add", false, addCommand)
}

var errNotHere = errors.New("this command reads files and the network, which is not allowed here")

func extractCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "extract PAGE",
		Short: "Print the article of a saved web page, a Markdown file or a URL",
		Long: `Print the article of PAGE in newsdiff's text format: front matter (title,
outlet, byline, date, url, lang where the page gives them), the headline and
the body paragraphs, without navigation, share buttons, captions, comments
or ads. PAGE is a saved .html or .htm file, a .md file, - (standard input:
an HTML page, or Markdown when it plainly is, opening on a "#" heading or
with Markdown's links, headings, bold or tables) or an http(s) URL.

A page with no article text in it is an error, except when git runs
extract (GIT_EXEC_PATH is set), as a textconv filter: then it is empty
text, and a line on stderr says why, so that git diff and git log -p go
on past it.`,
		Example: `  newsdiff extract page.html
  newsdiff extract https://www.example.org/news/story > story.txt`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("want one page (a saved .html or .htm page, a .md file, - for standard input, or an http(s) URL), got %s", plural.Count(len(args), "argument", "arguments"))
			}
			return nil
		},
		ValidArgsFunction: completeFilesUpTo(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return Extract(cmd.Context(), args[0], a.env)
		},
	}
}

// stdinTwice reports whether pages name standard input ("-") more than
// once.
func stdinTwice(pages []string) bool {
	n := 0
	for _, p := range pages {
		if p == "-" {
			n++
		}
	}
	return n > 1
}

func addCommand(a *app) *cobra.Command {
	var o AddOptions
	cmd := &cobra.Command{
		Use:   "add DIR [PAGE...]",
		Short: "Extract web pages into a folder of articles",
		Long: `Extract each PAGE (a saved .html/.htm or .md file, - for standard input, or
an http(s) URL) into DIR as OUTLET-TITLE.txt, and print one line per
article: outlet, title, words, file. A file is never replaced unless
--force. A page whose address an article of DIR already has is skipped, and
so is one with the same outlet and text as an article of DIR (--force adds
it again; the article that had its address is removed once the new one is
written, so a --force that fails keeps it); another article with the
outlet and title of one in DIR (an update, a story under the same
headline) is added as OUTLET-TITLE-2.txt, with a note naming the article
it shares them with. A page that fails is reported and the others
are still added (exit status 1), and so is a feed item that names no page
(a relative link with no address to resolve it against, or no link: such
an item is named by its title). A feed is added with --feed: one piped in
as a page is refused.`,
		Example: `  newsdiff add mystory page1.html page2.html https://www.example.org/news/story
  newsdiff add --feed https://www.example.org/rss.xml --limit 5 mystory
  newsdiff add --feed saved-feed.xml mystory`,
		// DIR, then pages: saved files.
		ValidArgsFunction: completeFolderFirst(cobra.ShellCompDirectiveDefault),
		Args: func(_ *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usagef("want a directory and pages to add")
			case fetch.IsURL(args[0]):
				// add PAGE DIR, the order swapped: the address was made
				// into folders (https:/www.example.org/news/…) and the
				// folder named last read as a page.
				return usagef("%s is an address, not a folder: the folder comes first", Name(args[0]))
			case len(args) == 1 && len(o.Feeds) == 0:
				return usagef("want pages to add after the directory, or --feed URL")
			case o.Limit < 1:
				return usagef("--limit must be at least 1, got %d", o.Limit)
			case stdinTwice(args[1:]):
				// The second read found it empty: "-: no article text
				// found in the page", exit 1. diff refuses the same.
				return usagef("standard input can be read only once")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir, o.Pages = args[0], args[1:]
			return Add(cmd.Context(), o, a.env)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Story, "story", "", "add to this story: a subdirectory `NAME` of DIR")
	f.BoolVar(&o.Force, "force", false, "replace files that exist, and add again a page DIR already has (the article with its address is replaced)")
	f.StringArrayVar(&o.Feeds, "feed", nil, "also add the newest items of this RSS, Atom or JSON feed: a `URL` or a saved file (given again, of each feed)")
	f.IntVar(&o.Limit, "limit", 20, "add at most `N` items of each feed, the newest")
	// --story names a folder of DIR, a new one or one already there: the
	// shell offers those there. --feed takes a saved file as well as a
	// URL: the shell offers files. Both offered nothing.
	_ = cmd.RegisterFlagCompletionFunc("story", func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return storyFolders(args[0]), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("feed", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveDefault
	})
	return cmd
}

// storyFolders returns the folders of dir that add --story takes: those
// whose names are plain, one safe line (see cell), and do not start with a
// dot, as the index's folder does.
func storyFolders(dir string) []cobra.Completion {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() && !strings.HasPrefix(name, ".") && cell(name) == name && !strings.ContainsAny(name, `\`) {
			out = append(out, name)
		}
	}
	return out
}

// Extract prints the article of page — a saved .html/.htm or .md file, "-"
// for standard input (HTML, or Markdown: see unnamedPage), or an http(s)
// URL — in newsdiff's text format on env.Stdout.
func Extract(ctx context.Context, page string, env Env) error {
	if !env.Files {
		return errNotHere
	}
	warn := func(msg string) {
		fmt.Fprintf(env.Stderr, "newsdiff extract: %s: %s\n", Name(page), termsafe.OneLine(msg))
	}
	p, err := readPage(ctx, page, env, newClient(), warn)
	if err != nil && ctx.Err() == nil && underGit(env) && page != "-" && !fetch.IsURL(page) && isRegularFile(page) {
		// Run by git, as a textconv filter: a version of the page with
		// no article in it (emptied, markup alone, binary) is empty
		// text, and said, since a filter that fails stops git's diff
		// and log ("unable to read files to diff") at that file. Git
		// hands a filter a file that is there: one that is not, a
		// folder, an address that fails, is an error still.
		warn(err.Error() + "; given to git as empty text")
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", Name(page), err)
	}
	// Held up by a reader that stopped reading, it ends on an interrupt
	// as a printing command does.
	return copyOut(ctx, env.Stdout, bytes.NewBufferString(termsafe.Display(string(p.Text()))))
}

// underGit says the command was started by git, which sets GIT_EXEC_PATH
// for every program it runs: a textconv filter, an alias, a hook.
func underGit(env Env) bool {
	_, ok := env.Local.lookupEnv("GIT_EXEC_PATH")
	return ok
}

// newClient returns the client extract and add fetch pages with: raw
// Markdown at an address is read as a saved .md file is (markdownPage).
func newClient() *fetch.Client {
	c := fetch.New()
	c.Markdown = markdownPage
	return c
}

// readPage extracts the article of one page argument. warn is told what
// was worked around, the article still extracted.
func readPage(ctx context.Context, page string, env Env, client *fetch.Client, warn func(string)) (extract.Page, error) {
	p, err := readPageQuietly(ctx, page, env, client)
	if err == nil {
		warnNotes(p, warn)
	}
	return p, err
}

// warnNotes tells warn what was worked around in reading p: the bytes
// replaced (see extract.Page.EncodingNote), then anything else (Note).
func warnNotes(p extract.Page, warn func(string)) {
	for _, note := range []string{p.EncodingNote(), p.Note} {
		if note != "" {
			warn(note)
		}
	}
}

// readPageQuietly is readPage without the warnings of what was worked
// around.
func readPageQuietly(ctx context.Context, page string, env Env, client *fetch.Client) (extract.Page, error) {
	switch {
	case page == "-":
		if env.Local == nil || env.Local.Stdin == nil {
			return extract.Page{}, errors.New("no standard input")
		}
		return unnamedPage(ctx, env.Local.Stdin)
	case fetch.IsURL(page):
		return client.Page(ctx, page)
	}
	if err := addressError(page); err != nil {
		return extract.Page{}, err
	}
	return readPageFile(ctx, page)
}

// feedItemName names a feed's item in a message: by its title, made one
// safe line and quoted as an argument is ("item \"Council votes\""), or
// by its place in the feed when it has none ("item 3 (untitled)").
func feedItemName(it fetch.FeedItem) string {
	if title := termsafe.OneLine(it.Title); strings.TrimSpace(title) != "" {
		return "item " + quoteArg(title)
	}
	return fmt.Sprintf("item %d (untitled)", it.Number)
}

// readFeed returns the links of the newest items, at most limit, of the
// feed at an http(s) address or in a saved file, and how many items were
// left out, by why (see fetch.FeedSkips).
func readFeed(ctx context.Context, feed string, limit int, client *fetch.Client) (links []string, skips fetch.FeedSkips, err error) {
	if fetch.IsURL(feed) {
		return client.FeedItems(ctx, feed, limit)
	}
	if err := addressError(feed); err != nil {
		return nil, skips, err
	}
	f, _, err := openInput(ctx, feed)
	if err != nil {
		return nil, skips, err
	}
	defer f.Close()
	body, err := readLimited(ctx, f)
	if err != nil {
		return nil, skips, err
	}
	return fetch.FeedFileItems(body, limit)
}

// addressError returns the error for a page or feed name, not an http(s)
// address, that reads as an address rather than a file: one newsdiff does
// not fetch (see unfetchedAddress) or one without its scheme (see
// bareAddress). Else nil.
func addressError(name string) error {
	if err := unfetchedAddress(name); err != nil {
		return err
	}
	return bareAddress(name)
}

// unfetchedAddress returns the error for an address newsdiff does not
// fetch (ftp://…, file://…) where a page or a feed is read, when no file
// has that name; else nil.
func unfetchedAddress(name string) error {
	if scheme, _, ok := strings.Cut(name, "://"); ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`) {
		if _, err := os.Stat(name); err != nil {
			return fmt.Errorf("only http and https addresses are fetched, not %s", termsafe.OneLine(scheme))
		}
	}
	return nil
}

// bareAddress returns the error for a web address given without its
// scheme ("www.example.org/news/story", as a browser's address bar shows
// it), when no file has that name: "no such file or directory" said
// nothing of the https:// that fetches it. Else nil. A name is taken
// for an address when it starts with a host name whose last label is no
// file extension newsdiff reads (page.html, story.md are files).
func bareAddress(name string) error {
	host, _, _ := strings.Cut(name, "/")
	labels := strings.Split(strings.ToLower(host), ".")
	if len(labels) < 2 || quoteName(name) != "" || strings.ContainsRune(name, ' ') {
		// Only a name that prints as itself is repeated in the hint.
		return nil
	}
	for _, l := range labels {
		if l == "" || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return nil
		}
	}
	tld := labels[len(labels)-1]
	switch tld {
	case "html", "htm", "md", "txt", "xml", "json", "rss", "atom", "feed":
		return nil
	}
	if len(tld) < 2 || strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
		return nil
	}
	if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return fmt.Errorf("no such file or directory (a web address? write https://%s)", name)
}

// openInput opens the file a page or a feed is read from. It is looked at
// first, so that a folder or a device is said to be one, not opened;
// stream says it is a pipe or a character device, read as standard input
// is. Opening a named pipe waits for a writer, which an interrupt (ctx)
// stops waiting for.
func openInput(ctx context.Context, path string) (f *os.File, stream bool, err error) {
	info, err := corpus.Stat(path) // a symbolic link to nothing said to be one
	if err != nil {
		return nil, false, reasonOf(err)
	}
	stream = streamMode(info.Mode())
	switch {
	case info.IsDir():
		// As diff and the loader say it.
		return nil, false, errors.New("is a directory")
	case !info.Mode().IsRegular() && !stream:
		return nil, false, errors.New("not a regular file")
	}
	if f, err = untilDone(ctx, func() (*os.File, error) { return os.Open(path) }); err != nil {
		return nil, false, reasonOf(err)
	}
	return f, stream, nil
}

// untilDone returns what f returns, or ctx's cause as soon as ctx is
// done, f still running. A read of a terminal or of a pipe no one writes
// to (newsdiff extract - typed at a prompt, a named pipe with no writer)
// waits in the kernel, and a signal does not end it: extract and add
// ignored Ctrl-C until the input ended. What f goes on waiting for ends
// with the process.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, context.Cause(ctx)
	}
}

// readLimited reads r whole, failing past extract.MaxSize, and stops
// waiting for it when ctx is done.
func readLimited(ctx context.Context, r io.Reader) ([]byte, error) {
	raw, err := untilDone(ctx, func() ([]byte, error) { return io.ReadAll(io.LimitReader(r, extract.MaxSize+1)) })
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err != nil {
		return nil, reasonOf(err)
	}
	if len(raw) > extract.MaxSize {
		return nil, extract.ErrTooLarge
	}
	return raw, nil
}

// markdownPage extracts the article of a Markdown file. The front matter
// that may open it gives its metadata, as the loader reads it: goldmark
// would take it for a rule and a heading ("title: title: … outlet: …").
// A heading the text opens with is then its first paragraph, as it is
// when the file is loaded. Front matter that is none (a line not "key:
// value", no closing line) is read as text, as the loader reads it, and
// the page's Note says so: its metadata is not the article's.
func markdownPage(raw []byte) (extract.Page, error) {
	raw, enc := strayBytes(raw)
	// Read as the loader reads a file, before its Markdown is: without
	// the control runs and invisible characters no reader sees, accents
	// composed (corpus.Normalise). A control character between a line's
	// start and its "#" made a heading text.
	p, err := markdownText(corpus.Normalise(raw))
	p.Stray, p.Legacy, p.Replaced = enc.Stray, enc.Legacy, enc.Replaced
	return p, err
}

// strayBytes reads the bytes of raw that are not UTF-8 as the loader
// reads a file's (see extract.ReadStray): as windows-1252 where they read
// as such, else as U+FFFD, and says how many in a page's fields (see
// extract.Page.EncodingNote). The extract of a Markdown file wrote each
// as U+FFFD without a word, where the file, loaded, reads "café".
func strayBytes(raw []byte) ([]byte, extract.Page) {
	if utf8.Valid(raw) {
		return raw, extract.Page{}
	}
	out, read, _, left := extract.ReadStray(raw)
	return out, extract.Page{Stray: read, Legacy: extract.StrayLegacy(out, read, left), Replaced: left}
}

// markdownText is markdownPage of text that is UTF-8.
func markdownText(raw []byte) (extract.Page, error) {
	start := 0
	if bytes.HasPrefix(raw, []byte("\ufeff")) {
		start = len("\ufeff")
	}
	front, n, err := corpus.FrontMatter(raw[start:])
	if n == 0 {
		// No front matter, or text that opens like it and is none (err
		// says why): all of it is text. The byte-order mark is no text,
		// as the loader reads it: before a "#", the line was no heading.
		p, noWords := noWordsMarkdown(extract.Markdown(raw[start:]))
		if err != nil {
			p.Note = err.Error()
		}
		return p, noWords
	}
	p, err := extract.Markdown(raw[start+n:])
	if err != nil {
		return p, err
	}
	if t := front["title"]; t != "" {
		// The text is the file's as the loader reads it: a heading it
		// opens with is its first line, whether or not it repeats the
		// title ("title: X" over "# X", as a blog's posts have), and a
		// text with none opens on its lead. The title is the front
		// matter's alone: written as a headline line too, it was a title
		// paragraph the file has not, and diff of the file against its
		// extract showed it inserted. A title alone, with no text under
		// it, is still the one line of the extract (see noWordsMarkdown).
		if p.Title != "" {
			p.Paragraphs = append([]string{p.Title}, p.Paragraphs...)
		}
		p.Title = t
		p.NoHeadline = len(p.Paragraphs) > 0
	}
	for key, field := range map[string]*string{"outlet": &p.Outlet, "byline": &p.Byline, "date": &p.Date, "url": &p.URL, "lang": &p.Lang} {
		if v := front[key]; v != "" {
			*field = v
		}
	}
	return noWordsMarkdown(p, nil)
}

// noWordsMarkdown returns extract.ErrNoArticle for a Markdown file with no
// words in it, as for a page: an empty file, or one of markup alone (an
// image, an empty HTML block, a rule). Extract printed nothing and exited
// 0, and add wrote an empty article.txt that it then reported as skipped,
// "no words", and left behind, for every later command to warn of. A
// title alone, from the front matter or a heading, is a file of one line,
// and that is prose.
func noWordsMarkdown(p extract.Page, err error) (extract.Page, error) {
	if err != nil {
		return p, err
	}
	if strings.TrimSpace(p.Title) == "" && strings.TrimSpace(strings.Join(p.Paragraphs, "")) == "" {
		return p, extract.ErrNoArticle
	}
	return p, nil
}

// readPageFile extracts the article of a saved page, by its extension. A
// pipe (<(curl -s …), as the shell names one) is read as standard input
// is (see unnamedPage), unless its name says Markdown or HTML. A page's
// name does not make a feed saved under it a page (see streamPage).
func readPageFile(ctx context.Context, path string) (extract.Page, error) {
	f, stream, err := openInput(ctx, path)
	if err != nil {
		return extract.Page{}, err
	}
	defer f.Close()
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case ext == ".html", ext == ".htm", ext == ".xhtml":
		return streamPage(ctx, f)
	case ext == ".md", ext == ".markdown":
		raw, err := readLimited(ctx, f)
		if err != nil {
			return extract.Page{}, err
		}
		return markdownPage(raw)
	case stream:
		return unnamedPage(ctx, f)
	case ext == ".rss", ext == ".atom", ext == ".xml":
		return extract.Page{}, errors.New("not a page newsdiff reads (.html, .htm, .md, or an http(s) URL); a feed's items are added with --feed")
	}
	return extract.Page{}, errors.New("not a page newsdiff reads (.html, .htm, .md, or an http(s) URL)")
}

// unnamedPage extracts the article of a page that came with no name to
// say what it holds (standard input, a pipe): as a Markdown file when it
// is plainly Markdown and not a web page (cat a.md | newsdiff extract -
// read its "#", "**" and "[x](url)" as an HTML page's text), else as
// streamPage reads it.
func unnamedPage(ctx context.Context, r io.Reader) (extract.Page, error) {
	raw, err := readLimited(ctx, r)
	if err != nil {
		return extract.Page{}, err
	}
	if !isHTML(raw) && plainlyMarkdown(raw) {
		return markdownPage(raw)
	}
	return htmlPage(ctx, raw)
}

// streamPage extracts the article of a page piped in or saved, read as
// HTML (see htmlPage).
func streamPage(ctx context.Context, r io.Reader) (extract.Page, error) {
	raw, err := readLimited(ctx, r)
	if err != nil {
		return extract.Page{}, err
	}
	return htmlPage(ctx, raw)
}

// htmlPage extracts the article of raw, read as HTML. A feed piped in
// (curl -s …/rss.xml | newsdiff add DIR -) or saved under a page's name
// is refused, with what reads one: extracted as a page, its item
// summaries were saved as an article.
func htmlPage(ctx context.Context, raw []byte) (extract.Page, error) {
	if kind := fetch.FeedKind(raw); kind != "" {
		article := "an"
		if kind == "JSON Feed" {
			article = "a"
		}
		return extract.Page{}, fmt.Errorf("%s %s feed, not a page: newsdiff add DIR --feed FILE adds a saved feed's items", article, kind)
	}
	return extract.HTML(ctx, bytes.NewReader(raw), "", "")
}

// reasonOf drops the path a *fs.PathError or a corpus.Problem repeats:
// the caller names it. A symbolic link that loops is said as diff says it.
func reasonOf(err error) error {
	if err == nil {
		return nil
	}
	if why := corpus.Reason(err); why == corpus.LinkLoops {
		return errors.New(why)
	}
	if p, ok := errors.AsType[corpus.Problem](err); ok {
		return errors.New(p.Detail()) // a symbolic link to nothing
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// AddOptions are the options of add.
type AddOptions struct {
	Dir   string   // the corpus directory
	Story string   // a story subdirectory of Dir to add to, or ""
	Force bool     // replace a file that exists
	Pages []string // files, "-" or URLs
	Feeds []string // feeds (URLs or files) whose newest items are added too
	Limit int      // how many items of each feed at most
}

// errSomeFailed reports a batch in which some pages were not added; each
// was reported on its own line already.
type errSomeFailed struct{ failed, total int }

func (e errSomeFailed) Error() string {
	return digits.Group(e.failed) + " of " + plural.Count(e.total, "page", "pages") + " not added"
}

// Add extracts each page into o.Dir (or its story subdirectory) as
// OUTLET-SLUG.txt and prints one line per article added: outlet, title,
// words, file. A page whose URL an article of o.Dir already has is skipped,
// and said so, as is one with the outlet and text of an article there
// (the same article from another address). Another article whose outlet
// and title name a file that exists is written as OUTLET-SLUG-2.txt (or
// -3…), and a note names the file that has its name. A page that fails is
// reported on its own line and the others are still added; the error then
// counts the failures.
func Add(ctx context.Context, o AddOptions, env Env) error {
	if !env.Files {
		return errNotHere
	}
	target := o.Dir
	if o.Story != "" {
		if strings.ContainsAny(o.Story, `/\`) || o.Story == "." || o.Story == ".." {
			return usagef("--story must be a plain name, not a path: %q", o.Story)
		}
		if strings.HasPrefix(o.Story, ".") {
			// Every reader of a folder passes over such a subfolder
			// (.newsdiff holds the index): the articles would be
			// written and never read.
			return usagef("--story must not start with a dot, as a folder newsdiff passes over: %q", o.Story)
		}
		target = filepath.Join(o.Dir, o.Story)
	}
	if err := folderFor(target); err != nil {
		// Said once, before any page is read: every page would fail on
		// it, each on a line of its own.
		return err
	}
	client := newClient()
	failed, total := 0, len(o.Pages)
	fail := func(page string, err error) {
		failed++
		fmt.Fprintf(env.Stderr, "newsdiff add: %s: %s\n", Name(page), termsafe.OneLine(err.Error()))
	}
	pages := o.Pages
	// --feed given again adds each feed's items: the last alone was
	// read, the others dropped unsaid.
	for _, feed := range o.Feeds {
		// A feed that cannot be read is one failure among the pages: the
		// pages named beside it are still added.
		links, skips, err := readFeed(ctx, feed, o.Limit, client)
		// Items the feed lists are pages not added, and said: a saved
		// feed whose links were all relative said that it listed no
		// pages, and add exited 0 having added none; an item with no
		// link at all was left out unsaid.
		skipped := func(n int, why string) {
			if n > 0 {
				fmt.Fprintf(env.Stderr, "newsdiff add: %s: %s %s\n", Name(feed), plural.Count(n, "item", "items"), why)
				failed += n
				total += n
			}
		}
		switch {
		case ctx.Err() != nil:
			return context.Cause(ctx)
		case err != nil:
			total++
			fail(feed, err)
		default:
			skipped(skips.Relative, "with a relative link not added: the feed gives no address of its own or its site's to resolve one against")
			// An item with no link has no address to name it by, as a
			// page not added is named: it is named by its title, so
			// that it can be found ("3 items with no link" could not).
			for _, it := range skips.NoLink {
				fmt.Fprintf(env.Stderr, "newsdiff add: %s: %s not added: it has no link, the feed names no page for it\n", Name(feed), feedItemName(it))
				failed++
				total++
			}
			skipped(skips.NotWeb, "with a link that is no http(s) address not added")
			if len(links) == 0 && skips.Count() == 0 {
				fmt.Fprintf(env.Stderr, "newsdiff add: %s: the feed lists no pages\n", Name(feed))
			}
		}
		pages = append(pages, links...)
		total += len(links)
	}
	have, texts := articlesIn(o.Dir)

	// URLs are fetched first, at most fetch.MaxParallel at a time; files
	// and standard input are read in turn. Results keep the order given.
	var urls []string
	for _, p := range pages {
		if fetch.IsURL(p) && (have[p] == "" || o.Force) {
			urls = append(urls, p)
		}
	}
	fetched := map[string]fetch.Result{}
	for _, r := range client.Pages(ctx, urls) {
		fetched[r.URL] = r
	}

	for _, page := range pages {
		// Interrupted, add stops at once and says nothing more: every
		// page left would fail, each on a line of its own.
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if file := have[page]; file != "" && fetch.IsURL(page) && !o.Force {
			fmt.Fprintf(env.Stdout, "skipped %s: already in %s\n", Name(page), Name(file))
			continue
		}
		var p extract.Page
		var err error
		warn := func(msg string) {
			fmt.Fprintf(env.Stderr, "newsdiff add: %s: %s\n", Name(page), termsafe.OneLine(msg))
		}
		if r, ok := fetched[page]; ok {
			p, err = r.Page, r.Err
			if err == nil {
				warnNotes(p, warn)
			}
		} else {
			p, err = readPage(ctx, page, env, client, warn)
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if err != nil {
			fail(page, err)
			continue
		}
		// --force replaces the article that holds the address, even
		// under another name: old is removed once the new one is
		// written and reads back, so that a failed --force keeps it.
		// Removed first, it was lost to a write that then failed (a
		// full disk), which every --force of a page added before risked.
		var old string
		if file := have[p.URL]; file != "" && p.URL != "" {
			if !o.Force {
				fmt.Fprintf(env.Stdout, "skipped %s: %s already in %s\n", Name(page), Name(p.URL), Name(file))
				continue
			}
			old = file
		}
		// The same outlet's same text from another address (a copy with
		// tracking parameters, a mirror) is the article already there.
		key := pageKey(p)
		if file := texts[key]; file != "" && key != "" && !o.Force {
			fmt.Fprintf(env.Stdout, "skipped %s: the same article is in %s\n", Name(page), Name(file))
			continue
		}
		// Another article with the outlet and title of one already there
		// (a story that shares a headline, an update from another
		// address) is added beside it, under a name of its own, and said.
		name, shares := freeName(target, fileName(p), o.Force)
		_, statErr := os.Lstat(filepath.Join(target, name))
		replaced := statErr == nil
		file, err := writeArticle(target, name, p, o.Force)
		if fe, ok := errors.AsType[folderError](err); ok {
			// No page after it can be written either.
			return fe
		}
		if err != nil {
			fail(page, err)
			continue
		}
		// The line shows the article as newsdiff will read it from the
		// file, which also proves the file loads.
		a, _, err := corpus.LoadFile(file)
		if err != nil {
			// An article that does not load is not added: left there,
			// every command on the folder warned of it.
			if !replaced {
				os.Remove(file)
			}
			fail(page, err)
			continue
		}
		if old != "" && !sameFile(old, file) {
			if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
				warn(fmt.Sprintf("%s, which has its address too, is left: %v", Name(old), reasonOf(err)))
			}
		}
		if p.URL != "" {
			have[p.URL] = file
		}
		if key != "" {
			texts[key] = file
		}
		fmt.Fprintf(env.Stdout, "%s · %s · %s · %s\n",
			termsafe.OneLine(a.Outlet), termsafe.OneLine(a.Title), plural.Count(a.Words, "word", "words"), Name(file))
		if shares != "" {
			fmt.Fprintf(env.Stderr, "newsdiff add: note: %s\n", sharedName(file, shares, a))
		}
	}
	switch {
	case failed > 0 && total == 1:
		// The page's own line said why; "1 of 1 pages not added" would
		// only say it again.
		return exitError{ExitError}
	case failed > 0:
		return errSomeFailed{failed, total}
	}
	return nil
}

// sameFile reports whether the paths a and b name one file, however
// each is written ("dir/a.txt", "./dir//a.txt").
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// articlesIn maps the url of every article in dir to the file holding it,
// and its text to the file too (see articleKey). A directory that does not
// exist yet has none.
func articlesIn(dir string) (urls, texts map[string]string) {
	urls, texts = map[string]string{}, map[string]string{}
	if _, err := os.Stat(dir); err != nil {
		return urls, texts
	}
	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		return urls, texts
	}
	for _, a := range c.Articles() {
		if a.URL != "" {
			urls[a.URL] = a.Source
		}
		texts[articleKey(a)] = a.Source
	}
	return urls, texts
}

// articleKey is what makes two articles one, whatever their addresses:
// their outlet and the SHA-256 of their text (title and body, as newsdiff
// reads them, without the metadata). Two outlets' articles of the same
// agency copy are two articles, which is what comparing them shows.
func articleKey(a *corpus.Article) string {
	sum := sha256.Sum256([]byte(a.Text(a.Body)))
	return a.Outlet + "\x00" + hex.EncodeToString(sum[:])
}

// pageKey is articleKey of the article p will be once written, or "" when
// it is none.
func pageKey(p extract.Page) string {
	// Named as it will be: an article without an outlet is named by its
	// file, as the folder will read it.
	c, _, err := corpus.LoadFS(fstest.MapFS{fileName(p): {Data: p.Text()}}, "")
	if err != nil || len(c.Articles()) == 0 {
		return ""
	}
	return articleKey(c.Articles()[0])
}

// freeName returns the name to write an article named name into dir
// under: name itself when it is free or force replaces it, else the first
// of NAME-2.txt, NAME-3.txt… that is free, with the file that has name.
func freeName(dir, name string, force bool) (free, taken string) {
	path := filepath.Join(dir, name)
	if _, err := os.Lstat(path); err != nil || force {
		return name, ""
	}
	stem := strings.TrimSuffix(name, ".txt")
	for n := 2; ; n++ {
		free = fmt.Sprintf("%s-%d.txt", stem, n)
		if _, err := os.Lstat(filepath.Join(dir, free)); err != nil {
			return free, path
		}
	}
}

// sharedName says why the article a was written to file, not to the name
// of its outlet and title, which the file taken holds: another article of
// that outlet and title, or a file that has its name.
func sharedName(file, taken string, a *corpus.Article) string {
	if t, _, err := corpus.LoadFile(taken); err == nil && t.Outlet == a.Outlet && t.Title == a.Title {
		return fmt.Sprintf("%s shares its outlet and title with %s, another article", Name(file), Name(taken))
	}
	return fmt.Sprintf("%s: %s, another file, has the name of its outlet and title", Name(file), Name(taken))
}

// folderError is add's folder that cannot be made: the folder, not the
// page, is named ("page.html: not a directory" was said of a page that is
// one), and add stops, as no page can be written.
type folderError struct {
	dir string
	err error
	// write says the folder is there but no file can be made in it.
	write bool
}

func (e folderError) Error() string {
	if e.write {
		return fmt.Sprintf("cannot write in the folder %s: %v", Name(e.dir), reasonOf(e.err))
	}
	return fmt.Sprintf("cannot make the folder %s: %v", Name(e.dir), reasonOf(e.err))
}

// folderFor returns the folderError of dir when something other than a
// folder is there or above it (a file named as the folder); nil when dir
// is a folder or may be made.
func folderFor(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return folderError{dir: dir, err: err}
	case !info.IsDir():
		return folderError{dir: dir, err: errors.New("not a directory")}
	}
	return nil
}

// writeArticle writes p into dir as name (OUTLET-SLUG.txt, see fileName)
// and returns the file's path. It never replaces a file unless force is set, and a write that
// fails (a full disk) leaves nothing behind: the article is written whole
// to a hidden file beside it first, which the folder scan skips, and only
// then given its name. A partial article would be read as the page, and
// the next add would refuse to replace it.
func writeArticle(dir, name string, p extract.Page, force bool) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", folderError{dir: dir, err: err}
	}
	path := filepath.Join(dir, name)
	exists := fmt.Errorf("%s exists (--force replaces it)", Name(path))
	if _, err := os.Lstat(path); err == nil && !force {
		// Said before writing anything; the link below still decides
		// when another add names the same file meanwhile.
		return "", exists
	}
	tmp, err := writeHidden(dir, name, p.Text())
	if errors.Is(err, fs.ErrPermission) {
		// The folder's, not the page's: "page.html: permission denied"
		// was said of a page that could be read, into a folder that
		// could not be written, and again of every page after it.
		return "", folderError{dir: dir, err: err, write: true}
	}
	if err != nil {
		return "", reasonOf(err)
	}
	defer os.Remove(tmp)
	if force {
		// A rename replaces the old article whole, so a failed --force
		// keeps it rather than leaving it cut short.
		return path, reasonOf(os.Rename(tmp, path))
	}
	// A link, unlike a rename, fails when the name is taken: O_EXCL for a
	// file that is already written.
	err = os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return "", exists
	}
	if err != nil {
		// A file system without hard links: create the name exclusively
		// and remove it if the write fails.
		return path, reasonOf(writeExclusive(path, p.Text()))
	}
	return path, nil
}

// maxSlugBytes bounds the title part of a file name, so that names stay
// readable in a listing and far below any file system's limit.
const maxSlugBytes = 60

// fileName names the file of an article: OUTLET-SLUG.txt, lower case, with
// letters and digits of any script kept and everything else a hyphen.
func fileName(p extract.Page) string {
	outlet := slug(p.Outlet, maxSlugBytes)
	title := slug(p.Title, maxSlugBytes)
	switch {
	case outlet == "" && title == "":
		return "article.txt"
	case outlet == "":
		return title + ".txt"
	case title == "":
		return outlet + ".txt"
	}
	return outlet + "-" + title + ".txt"
}

func slug(s string, maxBytes int) string {
	var b bytes.Buffer
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			if b.Len()+len(string(r)) > maxBytes {
				// Cut at the last whole word, not inside one ("…-burned-her-u"),
				// unless the first word alone is too long.
				if i := bytes.LastIndexByte(b.Bytes(), '-'); i > 0 && !bytes.HasSuffix(b.Bytes(), []byte("-")) {
					b.Truncate(i)
				}
				break
			}
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
