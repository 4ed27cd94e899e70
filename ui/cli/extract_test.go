package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

const testPage = "../../corpus/extract/testdata/article.html"

func readTestPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(testPage)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pageServer serves the test page at /a and /b (the latter with no
// canonical link, so it is named by its address), and a 404 elsewhere.
func pageServer(t *testing.T) *httptest.Server {
	page := readTestPage(t)
	other := bytes.ReplaceAll(page, []byte(`<link rel="canonical" href="https://www.courier.example/news/2024/03/harbour-bridge-reopens">`), nil)
	other = bytes.ReplaceAll(other, []byte("Harbour bridge reopens after storm repairs"), []byte("Second bridge story"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
		case "/b":
			w.Header().Set("Content-Type", "text/html")
			w.Write(other)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<rss version="2.0"><channel><title>f</title>
<item><link>/b</link><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item>
<item><link>/a</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestExtractCommand(t *testing.T) {
	srv := pageServer(t)
	for _, tt := range []struct {
		name  string
		page  string
		stdin []byte
	}{
		{"file", testPage, nil},
		{"stdin", "-", readTestPage(t)},
		{"url", srv.URL + "/a", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env, out, errb := seedEnv(t)
			env.Local = &Local{Stdin: bytes.NewReader(tt.stdin)}
			if code := Run(context.Background(), []string{"extract", tt.page}, env); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errb)
			}
			text := out.String()
			for _, want := range []string{"title: Harbour bridge reopens after storm repairs\n", "outlet: The Example Courier\n",
				"---\nHarbour bridge reopens after storm repairs\n\nThe harbour bridge reopened"} {
				if !strings.Contains(text, want) {
					t.Errorf("want %q in\n%s", want, text)
				}
			}
		})
	}
}

func TestExtractCommandErrors(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"extract", srv.URL + "/missing"}, ExitError, "newsdiff extract: " + srv.URL + "/missing: the server answered 404 Not Found\n"},
		{[]string{"extract", pdf}, ExitError, "newsdiff extract: " + pdf + ": not a page newsdiff reads (.html, .htm, .md, or an http(s) URL)\n"},
		{[]string{"extract", filepath.Join(dir, "none.html")}, ExitError, "newsdiff extract: " + filepath.Join(dir, "none.html") + ": no such file or directory\n"},
		{[]string{"extract", "a\x1b[2Jb.html"}, ExitError, `newsdiff extract: "a\x1b[2Jb.html": no such file or directory` + "\n"},
		// Every kind of page it reads: it had named .html alone.
		{[]string{"extract"}, ExitUsage, "newsdiff extract: want one page (a saved .html or .htm page, a .md file, - for standard input, or an http(s) URL), got 0 arguments\n"},
		{[]string{"extract", "ftp://127.0.0.1/x"}, ExitError, "newsdiff extract: ftp://127.0.0.1/x: only http and https addresses are fetched, not ftp\n"},
		// A folder is named as diff names it, not "not a regular file".
		{[]string{"extract", dir}, ExitError, "newsdiff extract: " + dir + ": is a directory\n"},
		// One page that fails is one line: "1 of 1 pages not added"
		// followed it.
		{[]string{"add", filepath.Join(dir, "out"), dir}, ExitError, "newsdiff add: " + dir + ": is a directory\n"},
	} {
		env, _, errb := seedEnv(t)
		code := Run(context.Background(), tt.args, env)
		if tt.args[0] == "add" && errb.String() != tt.want {
			t.Errorf("%q: stderr %q, want %q", tt.args, errb, tt.want)
		}
		if code != tt.code || !strings.HasPrefix(errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d, %q", tt.args, code, errb, tt.code, tt.want)
		}
	}
}

// TestFileCommandsNotOverSSH checks that extract and add do not exist
// where files may not be named, as over SSH.
func TestFileCommandsNotOverSSH(t *testing.T) {
	for _, name := range []string{"extract", "add"} {
		if IsCommand(name) {
			t.Errorf("%s is among the commands served over SSH", name)
		}
		env, out, errb := seedEnv(t)
		env.Files = false
		dir := t.TempDir()
		if code := Run(context.Background(), []string{name, dir, testPage}, env); code != ExitUsage {
			t.Errorf("%s: exit %d, want %d", name, code, ExitUsage)
		}
		if out.Len() != 0 || !strings.Contains(errb.String(), "unknown command") {
			t.Errorf("%s: stdout %q stderr %q", name, out, errb)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s wrote %d files", name, len(entries))
		}
	}
}

func TestAddCommand(t *testing.T) {
	srv := pageServer(t)
	dir := filepath.Join(t.TempDir(), "mystory")
	env, out, errb := seedEnv(t)
	// A batch with one bad page adds the others and exits 1.
	code := Run(context.Background(), []string{"add", dir, srv.URL + "/a", srv.URL + "/missing", srv.URL + "/b"}, env)
	if code != ExitError {
		t.Fatalf("exit %d, want 1: %s", code, errb)
	}
	wantOut := "The Example Courier · Harbour bridge reopens after storm repairs · 176 words · " + filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt") + "\n" +
		"The Example Courier · Second bridge story | The Example Courier · 176 words · " + filepath.Join(dir, "the-example-courier-second-bridge-story-the-example-courier.txt") + "\n"
	if out.String() != wantOut {
		t.Errorf("stdout\n%s\nwant\n%s", out, wantOut)
	}
	wantErr := "newsdiff add: " + srv.URL + "/missing: the server answered 404 Not Found\nnewsdiff add: 1 of 3 pages not added\n"
	if errb.String() != wantErr {
		t.Errorf("stderr\n%s\nwant\n%s", errb, wantErr)
	}
	c, problems, err := corpus.LoadDir(dir)
	if err != nil || len(problems) != 0 || len(c.Articles()) != 2 {
		t.Fatalf("the directory loads %v, %v, %d articles", err, problems, len(c.Articles()))
	}
	if a := c.Articles()[1]; a.Outlet != "The Example Courier" || a.URL != srv.URL+"/b" || a.Lang != "en-GB" || a.Date != "2024-03-05T09:30:00+01:00" {
		t.Errorf("loaded %q %q %q %q", a.Outlet, a.URL, a.Lang, a.Date)
	}

	// Again: both URLs are in the directory already, by their url field,
	// and the saved copy of the first names the same canonical address.
	env, out, errb = seedEnv(t)
	code = Run(context.Background(), []string{"add", dir, srv.URL + "/a", srv.URL + "/b", testPage}, env)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{
		"skipped " + srv.URL + "/a: https://www.courier.example/news/2024/03/harbour-bridge-reopens already in",
		"skipped " + srv.URL + "/b: already in",
		"skipped " + testPage + ": https://www.courier.example/news/2024/03/harbour-bridge-reopens already in",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}

	// With --force the article holding an address is extracted again and
	// replaced, not skipped, and the folder still holds one copy of each.
	env, out, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--force", dir, srv.URL + "/b"}, env); code != ExitOK {
		t.Fatalf("--force: exit %d: %s", code, errb)
	}
	if strings.Contains(out.String(), "skipped") || !strings.Contains(out.String(), "Second bridge story") {
		t.Errorf("--force: stdout %q", out)
	}
	if c, _, err := corpus.LoadDir(dir); err != nil || len(c.Articles()) != 2 {
		t.Errorf("after --force the directory loads %v, %d articles; want 2", err, len(c.Articles()))
	}
}

// TestAddExistsNamedSafely checks the names in the note that a file had
// the article's name are quoted as every file name newsdiff prints is:
// the escape sequence in the folder's name was dropped, which named
// another file than the one that exists.
func TestAddExistsNamedSafely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a\x1b[31mb")
	name := filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt")
	added := filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs-2.txt")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(name, []byte("Mine\n\nMy own words.\n"), 0o644)
	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", dir, testPage}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if want := "newsdiff add: note: " + Name(added) + ": " + Name(name) + ", another file, has the name of its outlet and title\n"; errb.String() != want {
		t.Errorf("stderr %q, want %q", errb, want)
	}
}

func TestAddNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "news", "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt")
	os.MkdirAll(filepath.Dir(name), 0o755)
	os.WriteFile(name, []byte("Mine\n\nMy own words.\n"), 0o644)

	// Another file has the article's name: the article is added beside
	// it, under a name of its own.
	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--story", "news", dir, testPage}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(errb.String(), "another file, has the name of its outlet and title") {
		t.Errorf("stderr %q", errb)
	}
	if b, _ := os.ReadFile(name); string(b) != "Mine\n\nMy own words.\n" {
		t.Fatalf("the file was replaced: %q", b)
	}
	if err := os.Remove(strings.TrimSuffix(name, ".txt") + "-2.txt"); err != nil {
		t.Fatalf("the article was not added beside the file: %v", err)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--story", "news", "--force", dir, testPage}, env); code != ExitOK {
		t.Fatalf("--force: exit %d: %s", code, errb)
	}
	if b, _ := os.ReadFile(name); !bytes.HasPrefix(b, []byte("---\ntitle: Harbour bridge")) {
		t.Errorf("--force did not replace the file: %q", b)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--story", "../x", dir, testPage}, env); code != ExitUsage {
		t.Errorf("--story ../x: exit %d: %s", code, errb)
	}
}

func TestAddFeed(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--feed", srv.URL + "/feed", "--limit", "1", dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "Second bridge story") {
		t.Errorf("want the newest item only, got\n%s", out)
	}
}

// TestAddFeedFile checks --feed given a saved feed: it was taken for an
// address and refused as "only http and https addresses are fetched, not
// \"\"". A feed named as a page says where it belongs.
func TestAddFeedFile(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	feed := filepath.Join(t.TempDir(), "courier.rss")
	if err := os.WriteFile(feed, []byte(`<rss version="2.0"><channel><title>f</title><link>`+srv.URL+`/</link>
<item><link>b</link><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item>
<item><guid>`+srv.URL+`/a</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>`), 0o644); err != nil {
		t.Fatal(err)
	}
	// A feed saved under a page's name (a browser's "Save Page As" on a
	// feed's address) was added as a one-line article of its items'
	// summaries.
	savedAsPage := filepath.Join(t.TempDir(), "courier-feed.html")
	if raw, err := os.ReadFile(feed); err != nil || os.WriteFile(savedAsPage, raw, 0o644) != nil {
		t.Fatal(err)
	}
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", "--feed", feed, dir}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 2 || !strings.Contains(lines[0], "Second bridge story") || !strings.Contains(lines[1], "Harbour bridge reopens") {
		t.Errorf("want both items, newest first, got\n%s", out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--feed", "ftp://files.example/f.rss", dir}, "newsdiff add: ftp://files.example/f.rss: only http and https addresses are fetched, not ftp\n"},
		{[]string{"add", dir, feed}, "newsdiff add: " + Name(feed) + ": not a page newsdiff reads (.html, .htm, .md, or an http(s) URL); a feed's items are added with --feed\n"},
		{[]string{"add", dir, savedAsPage}, "newsdiff add: " + Name(savedAsPage) + ": an RSS feed, not a page: newsdiff add DIR --feed FILE adds a saved feed's items\n"},
		{[]string{"extract", savedAsPage}, "newsdiff extract: " + Name(savedAsPage) + ": an RSS feed, not a page: newsdiff add DIR --feed FILE adds a saved feed's items\n"},
		{[]string{"add", dir, srv.URL + "/feed"}, "newsdiff add: " + srv.URL + "/feed: a feed, not a web page: the server sent application/rss+xml (newsdiff add --feed adds a feed's items)\n"},
	} {
		env, _, errb := seedEnv(t)
		if code := Run(context.Background(), tt.args, env); code != ExitError || errb.String() != tt.want {
			t.Errorf("%q: exit %d, stderr\n%s\nwant\n%s", tt.args, code, errb, tt.want)
		}
	}
}

// TestAddFeedFileRelativeLinks checks a saved feed whose items' links are
// relative and which gives no address to resolve them against: each such
// item is a page not added, and said. add said the feed "lists no pages"
// and exited 0, having added none of the two it lists.
func TestAddFeedFileRelativeLinks(t *testing.T) {
	srv := pageServer(t)
	for _, tt := range []struct {
		name, items string
		code        int
		added       int
		want        string
	}{
		{"all relative", `<item><link>/a</link></item><item><link>b</link></item>`, ExitError, 0,
			"2 items with a relative link not added: the feed gives no address of its own or its site's to resolve one against\n" +
				"newsdiff add: 2 of 2 pages not added\n"},
		{"one relative", `<item><link>/a</link></item><item><link>` + srv.URL + `/b</link></item>`, ExitError, 1,
			"1 item with a relative link not added: the feed gives no address of its own or its site's to resolve one against\n" +
				"newsdiff add: 1 of 2 pages not added\n"},
		// A regression test: an item with no link at all was left out
		// unsaid, and add exited 0.
		{"one with no link", `<item><title>Briefing</title><description>No page.</description></item><item><link>` + srv.URL + `/b</link></item>`, ExitError, 1,
			"item \"Briefing\" not added: it has no link, the feed names no page for it\n" +
				"newsdiff add: 1 of 2 pages not added\n"},
		// A regression test: items with no link were only counted ("2
		// items with no link"), which named none of them. Each is named
		// by its title, made one safe line, or its place in the feed.
		{"several with no link", `<item><title>Council &#x202e;votes
 "yes"</title></item><item><description>Untitled.</description></item><item><link>` + srv.URL + `/b</link></item>`, ExitError, 1,
			"item \"Council votes \\\"yes\\\"\" not added: it has no link, the feed names no page for it\n" +
				"newsdiff add: " + "FEED" + ": item 2 (untitled) not added: it has no link, the feed names no page for it\n" +
				"newsdiff add: 2 of 3 pages not added\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			feed := filepath.Join(t.TempDir(), "courier.rss")
			if err := os.WriteFile(feed, []byte(`<rss version="2.0"><channel><title>f</title>`+tt.items+`</channel></rss>`), 0o644); err != nil {
				t.Fatal(err)
			}
			env, out, errb := seedEnv(t)
			code := Run(context.Background(), []string{"add", "--feed", feed, dir}, env)
			want := "newsdiff add: " + Name(feed) + ": " + strings.ReplaceAll(tt.want, "FEED", Name(feed))
			if code != tt.code || errb.String() != want {
				t.Errorf("exit %d, stderr\n%s\nwant %d,\n%s", code, errb, tt.code, want)
			}
			if added := strings.Count(out.String(), " words · "); added != tt.added {
				t.Errorf("%d articles added, want %d:\n%s", added, tt.added, out)
			}
		})
	}
}

// TestAddBadFeed checks that a feed that cannot be read is reported as one
// failure and the pages named beside it are still added.
func TestAddBadFeed(t *testing.T) {
	srv := pageServer(t)
	dir := t.TempDir()
	env, out, errb := seedEnv(t)
	code := Run(context.Background(), []string{"add", "--feed", srv.URL + "/a", dir, srv.URL + "/b"}, env)
	if code != ExitError {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "Second bridge story") {
		t.Errorf("the page beside the feed was not added: %s", out)
	}
	want := "newsdiff add: " + srv.URL + "/a: not a feed: the server sent text/html (newsdiff reads RSS, Atom and JSON Feed)\nnewsdiff add: 1 of 2 pages not added\n"
	if errb.String() != want {
		t.Errorf("stderr\n%s\nwant\n%s", errb, want)
	}
}

// TestDiffSavedPages checks that two saved pages given to diff are
// compared as articles, not tag by tag.
func TestDiffSavedPages(t *testing.T) {
	dir := t.TempDir()
	page := readTestPage(t)
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.htm")
	os.WriteFile(a, page, 0o644)
	os.WriteFile(b, bytes.ReplaceAll(page, []byte("six weeks after"), []byte("five weeks after")), 0o644)
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--format", "plain", a, b}, env); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if strings.Contains(out.String(), "<") || !strings.Contains(out.String(), "[-six-]{+five+}") {
		t.Errorf("diff of two saved pages:\n%s", out)
	}
}

// TestAddStoryNames checks the story names add refuses, writing nothing:
// a path, and a name starting with a dot, which every reader of the
// folder passes over (.newsdiff holds its index). "--story .hidden" wrote
// articles that list and the reader never showed.
func TestAddStoryNames(t *testing.T) {
	for _, story := range []string{"../x", "a/b", ".", "..", ".hidden", ".newsdiff"} {
		dir := t.TempDir()
		env, _, errb := seedEnv(t)
		if code := Run(context.Background(), []string{"add", "--story", story, dir, testPage}, env); code != ExitUsage {
			t.Errorf("--story %q: exit %d, want %d: %s", story, code, ExitUsage, errb)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("--story %q: wrote %s", story, ents[0].Name())
		}
	}
}

// TestExtractMarkdownFrontMatter is a regression test: extract and add
// gave a Markdown file's front matter to the Markdown reader, which took
// its first "---" for a rule and the rest for a heading: the title was
// "title: Bridge vote outlet: The Courier", and add named the file after
// it. The front matter gives the metadata, as when the folder is loaded.
func TestExtractMarkdownFrontMatter(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.md": "---\ntitle: Bridge vote\noutlet: The Courier\ndate: 2024-05-01\n---\n# Council acts\n\nThe council *voted* to [shut](http://x) the bridge.\n",
		"b.md": "\ufeff---\ntitle: Bridge shut\n---\nThe council voted to close the bridge.\n",
		"c.md": "# Bridge vote\n\nThe council voted to shut the bridge.\n",
		// A heading that repeats the title is the headline, once: it
		// was written twice, and the extract loaded to a paragraph more
		// than the file.
		"d.md": "---\ntitle: Bridge  vote\n---\n# Bridge vote\n\nThe council voted to shut the bridge.\n",
		// A blog's front matter, with a list and a map, and Hugo's TOML:
		// read as text, their keys were the headline.
		"e.md": "---\ntitle: Bridge vote\ntags:\n  - council\nauthor:\n  name: Jo\noutlet: The Courier\n---\nThe council voted to shut the bridge.\n",
		"f.md": "+++\ntitle = \"Bridge vote\"\ntags = [\"council\"]\noutlet = 'The Courier'\n[params]\nx = 1\n+++\nThe council voted to shut the bridge.\n",
	})
	for _, tt := range []struct{ file, want string }{
		{"a.md", "---\ntitle: Bridge vote\noutlet: The Courier\ndate: 2024-05-01\n---\nCouncil acts\n\nThe council voted to shut the bridge.\n"},
		{"b.md", "---\ntitle: Bridge shut\n---\nThe council voted to close the bridge.\n"},
		{"c.md", "---\ntitle: Bridge vote\n---\nBridge vote\n\nThe council voted to shut the bridge.\n"},
		{"d.md", "---\ntitle: Bridge vote\n---\nBridge vote\n\nThe council voted to shut the bridge.\n"},
		{"e.md", "---\ntitle: Bridge vote\noutlet: The Courier\n---\nThe council voted to shut the bridge.\n"},
		{"f.md", "---\ntitle: Bridge vote\noutlet: The Courier\n---\nThe council voted to shut the bridge.\n"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run("extract", filepath.Join(dir, tt.file)); code != 0 || le.out.String() != tt.want {
			t.Errorf("extract %s: exit %d, output:\n%s\nwant:\n%s", tt.file, code, le.out, tt.want)
		}
	}
	// The extract of each reads as the file does: the same words in the
	// same paragraphs, the title the front matter's alone where the text
	// does not open on it (see TestExtractMarkdownRoundTrip).
	for _, file := range []string{"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"} {
		extractReadsAsFile(t, filepath.Join(dir, file))
	}
	le := newLocalEnv(t, false, "")
	into := t.TempDir()
	if code := le.run("add", into, filepath.Join(dir, "a.md")); code != 0 {
		t.Fatalf("add: exit %d: %s", code, le.errb)
	}
	if _, err := os.Stat(filepath.Join(into, "the-courier-bridge-vote.txt")); err != nil {
		t.Errorf("add: %v; wrote %s", err, le.out)
	}
}

// TestAddStopsOnInterrupt is a regression test: an interrupted add went
// on through its pages, reporting each as failed ("page: interrupted by
// interrupt", "page.html: context canceled"), where a command interrupted
// stops at once and prints nothing more.
func TestAddStopsOnInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{os.Interrupt})
	dir := t.TempDir()
	env, out, errb := seedEnv(t)
	if code := Run(ctx, []string{"add", dir, testPage, testPage}, env); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	if out.Len() != 0 || errb.Len() != 0 {
		t.Errorf("printed after the interrupt: stdout %q, stderr %q", out, errb)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("wrote %s after the interrupt", ents[0].Name())
	}
}

// TestAddNamesTheFolderItCannotMake is a regression test: add into a
// folder that could not be made (a file of that name, or under one)
// failed every page with "page.html: not a directory", said of the page.
// Then it said "page.html: cannot make the folder …" once a page, each
// page failing on the one folder: it is said once, of the folder alone,
// and add stops.
func TestAddNamesTheFolderItCannotMake(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"add", file, testPage, testPage},
		{"add", filepath.Join(file, "sub"), testPage, testPage},
		{"add", "--story", "sub", file, testPage, testPage},
	} {
		dir := args[1]
		if args[1] == "--story" {
			dir = filepath.Join(file, "sub")
		}
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), args, env); code != ExitError {
			t.Errorf("%q: exit %d, want %d", args, code, ExitError)
		}
		if want := "newsdiff add: cannot make the folder " + dir + ": not a directory\n"; errb.String() != want || out.Len() > 0 {
			t.Errorf("%q: stderr %q, stdout %q; want stderr %q", args, errb, out, want)
		}
	}
}

// TestMarkdownBadFrontMatterWarned checks a Markdown file whose front
// matter is none (no closing line): extract and add read it as text, as
// the loader does, and say so, as the loader does. They said nothing, and
// add wrote the metadata into the article as its first paragraph.
func TestMarkdownBadFrontMatterWarned(t *testing.T) {
	md := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(md, []byte("---\noutlet: Courier\ntitle: Bridge vote\n\nThe council voted to close the bridge on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const why = `: byte 40: front matter line is not "key: value", so the file is read as text from its start` + "\n"
	for _, args := range [][]string{{"extract", md}, {"add", t.TempDir(), md}} {
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), args, env); code != ExitOK {
			t.Fatalf("%q: exit %d: %s", args, code, errb)
		}
		if want := "newsdiff " + args[0] + ": " + Name(md) + why; errb.String() != want {
			t.Errorf("%q: stderr %q, want %q", args, errb, want)
		}
		if out.Len() == 0 {
			t.Errorf("%q: nothing written", args)
		}
	}
}

// TestAddFeedPipedAsPage is a regression test: a feed piped to add - (or
// extract -) was extracted as a page, its item summaries saved as an
// article. It is refused in one line that names --feed, and nothing is
// written.
func TestAddFeedPipedAsPage(t *testing.T) {
	long := strings.Repeat("The council voted to close the bridge on Monday, said the mayor of the town. ", 8)
	for _, tt := range []struct{ name, feed, kind string }{
		{"RSS", `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>https://courier.example/</link>
<item><title>Bridge vote</title><link>https://courier.example/a</link><description>` + long + `</description></item></channel></rss>`, "an RSS feed"},
		{"Atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><title>Bridge vote</title><link href="https://courier.example/a"/><summary>` + long + `</summary></entry></feed>`, "an Atom feed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			for _, args := range [][]string{{"add", dir, "-"}, {"extract", "-"}} {
				le := newLocalEnv(t, false, tt.feed)
				code := le.run(args...)
				want := "newsdiff " + args[0] + ": -: " + tt.kind + ", not a page: newsdiff add DIR --feed FILE adds a saved feed's items\n"
				if code != ExitError || le.errb.String() != want || le.out.Len() > 0 {
					t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and %q", args, code, le.out, le.errb, ExitError, want)
				}
			}
			if _, err := os.Stat(dir); err == nil {
				t.Errorf("add wrote %s", dir)
			}
		})
	}
}

// TestExtractBareAddress is a regression test: a web address given
// without its scheme, as a browser's address bar shows it
// ("www.example.org/news/story"), was "no such file or directory", which
// said nothing of the https:// that fetches it. It now says to write it,
// for a page and for a feed; a missing file named as files are
// (page.html, notes.md) is said as before.
func TestExtractBareAddress(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "www.example.org/news/story"}, "newsdiff extract: www.example.org/news/story: no such file or directory (a web address? write https://www.example.org/news/story)\n"},
		{[]string{"extract", "example.org"}, "newsdiff extract: example.org: no such file or directory (a web address? write https://example.org)\n"},
		{[]string{"add", t.TempDir(), "--feed", "news.example.org/rss"}, "write https://news.example.org/rss)\n"},
		{[]string{"extract", "missing-page.html"}, "newsdiff extract: missing-page.html: no such file or directory\n"},
		{[]string{"extract", "notes.md"}, "newsdiff extract: notes.md: no such file or directory\n"},
		{[]string{"extract", "sub/notes.md"}, "newsdiff extract: sub/notes.md: no such file or directory\n"},
	} {
		env, _, errb := seedEnv(t)
		if code := Run(context.Background(), tt.args, env); code != ExitError || !strings.HasSuffix(errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d, %q", tt.args, code, errb, ExitError, tt.want)
		}
	}
}

// extractReadsAsFile extracts the Markdown file md beside it, as
// NAME.txt, and checks that diff finds nothing between the two.
func extractReadsAsFile(t *testing.T, md string) {
	t.Helper()
	le := newLocalEnv(t, false, "")
	if code := le.run("extract", md); code != 0 {
		t.Fatalf("extract %s: exit %d: %s", md, code, le.errb)
	}
	txt := strings.TrimSuffix(md, filepath.Ext(md)) + ".txt"
	if err := os.WriteFile(txt, le.out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	extracted := le.out.String()
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--exit-code", "--format", "plain", md, txt); code != 0 {
		t.Errorf("diff %s and its extract: exit %d:\n%s%s\nthe extract:\n%s", filepath.Base(md), code, le.out, le.errb, extracted)
	}
}

// TestExtractMarkdownRoundTrip is a regression test: the extract of a
// Markdown file whose front matter gives its title opened on that title,
// as a headline line, where the file's text opens on its lead or on a
// heading of its own. Loaded, the file's title is its front matter's
// alone, and the extract's first line was a title paragraph the file has
// not: diff of the file against its extract showed the title inserted,
// or paired against the file's own heading.
func TestExtractMarkdownRoundTrip(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"lead.md":    "---\ntitle: Bridge reopens after repairs\n---\nThe bridge reopened on Tuesday, officials said.\n\nThe mayor said the work was finished ahead of time.\n",
		"heading.md": "---\ntitle: Bridge reopens after repairs\n---\n# Repairs finished early\n\nThe bridge reopened on Tuesday, officials said.\n",
		"same.md":    "---\ntitle: Bridge reopens after repairs\n---\n# Bridge reopens after repairs\n\nThe bridge reopened on Tuesday, officials said.\n",
		"list.md":    "---\ntitle: Bridge reopens\noutlet: The Courier\n---\n- Traffic was light\n- Buses returned\n\nThe **bridge** reopened on Tuesday, [officials said](https://example.org/x).\n",
		"toml.md":    "+++\ntitle = \"Bridge reopens\"\n+++\nThe bridge reopened on Tuesday.\n",
	})
	for _, file := range []string{"lead.md", "heading.md", "same.md", "list.md", "toml.md"} {
		extractReadsAsFile(t, filepath.Join(dir, file))
	}
}
