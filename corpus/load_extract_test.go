package corpus_test

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
)

func paragraphTexts(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, a.Text(p.Span))
	}
	return out
}

// TestLoadMarkdown checks that a .md file's markup is never read as words:
// headings, emphasis, links and lists become plain paragraphs.
func TestLoadMarkdown(t *testing.T) {
	a := only(t, files("a.md", "---\noutlet: Courier\nbyline: Jo Bloggs\nlang: en\n---\n"+
		"# Trump urges *Russia*\n\nHe said **it** in [Miami](https://x.example).\n\n- one item\n- two &amp; three\n"))
	if a.Title != "Trump urges Russia" || a.Outlet != "Courier" || a.Byline != "Jo Bloggs" || a.Lang != "en" {
		t.Errorf("title %q outlet %q byline %q lang %q", a.Title, a.Outlet, a.Byline, a.Lang)
	}
	want := []string{"Trump urges Russia", "He said it in Miami.", "one item", "two & three"}
	if got := paragraphTexts(a); !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	for _, tok := range a.Tokens.All() {
		if f := tok.Form; f == "*" || f == "#" || f == "[" || f == "](" {
			t.Errorf("markup token %q kept", f)
		}
	}
}

// TestLoadMarkdownReferences is a regression test: a .md file's
// character references were decoded before its Markdown was read, so
// that "&lt;b&gt;", the text "<b>", became a tag, and the Markdown reader
// dropped it as HTML. The Markdown reader decodes references itself, as
// Markdown means them, and a tag written as one is still markup.
func TestLoadMarkdownReferences(t *testing.T) {
	for _, tc := range []struct{ md, want string }{
		{"The page showed the tag &lt;b&gt; in it.\n", "The page showed the tag <b> in it."},
		{"Fish &amp;amp; chips, &#169; 2016.\n", "Fish &amp; chips, © 2016."},
		{"A <b>bold</b> word.\n", "A bold word."},
	} {
		a := only(t, files("a.md", tc.md))
		if got := paragraphTexts(a); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%q read as %q, want %q", tc.md, got, tc.want)
		}
	}
}

// TestLoadHTML checks that a saved page loads as its article, in a legacy
// encoding too, and that a page with no article is reported and skipped.
func TestLoadHTML(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("extract", "testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	cp1252, err := os.ReadFile(filepath.Join("extract", "testdata", "cp1252.html"))
	if err != nil {
		t.Fatal(err)
	}
	c, problems := load(t, fstest.MapFS{
		"courier.html": {Data: page},
		"monde.HTM":    {Data: cp1252},
		"empty.html":   {Data: []byte("<html><body><nav><a href=/>Home</a></nav></body></html>")},
	})
	if len(problems) != 1 || problems[0].Path != "empty.html" || !problems[0].Skipped ||
		problems[0].Msg != "no article text found in the page" {
		t.Errorf("problems %v, want empty.html skipped with no article", problems)
	}
	arts := c.Articles()
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	a := arts[0]
	if a.ID != "courier" || a.Outlet != "The Example Courier" || a.Title != "Harbour bridge reopens after storm repairs" ||
		a.URL != "https://www.courier.example/news/2024/03/harbour-bridge-reopens" || a.Date != "2024-03-05T09:30:00+01:00" || a.Lang != "en-GB" {
		t.Errorf("got %q %q %q %q %q %q", a.ID, a.Outlet, a.Title, a.URL, a.Date, a.Lang)
	}
	if text := string(a.Raw[a.Body.Start:a.Body.End]); strings.Contains(text, "<p>") || strings.Contains(text, "cookies") {
		t.Errorf("markup or page furniture in the body:\n%s", text)
	}
	if body := arts[1].Text(arts[1].Body); !strings.Contains(body, "« C’était long »") {
		t.Errorf("windows-1252 page read as\n%s", body)
	}
}

// TestLoadHTMLUTF16 checks that a page saved in UTF-16, as its byte-order
// mark says, loads as newsdiff extract reads it; it was skipped as "UTF-16
// text (convert it to UTF-8)". A .txt in UTF-16 is still refused, and a
// page with a NUL and no such mark is binary.
func TestLoadHTMLUTF16(t *testing.T) {
	page := "\ufeff<html><head><title>Le pont du port rouvre</title></head><body><article>" +
		strings.Repeat("<p>Le pont du port a rouvert mardi, six semaines après la tempête d’hiver.</p>", 6) + "</article></body></html>"
	utf16 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	c, problems := load(t, fstest.MapFS{
		"page.html": {Data: utf16(page)},
		"page.txt":  {Data: utf16(page)},
		"blob.html": {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
	})
	arts := c.Articles()
	if len(arts) != 1 || arts[0].Title != "Le pont du port rouvre" || !strings.Contains(arts[0].Text(arts[0].Body), "après la tempête d’hiver") {
		t.Fatalf("articles %v, want page.html read as its article", arts)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	want := []string{"blob.html: skipped: binary file (NUL byte at 8)", "page.txt: skipped: UTF-16 text (convert it to UTF-8)"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestLoadHTMLStrayNUL checks that a saved page with a NUL past its start
// (a stray byte a CMS left in a script or a paragraph, which browsers
// read past) loads as newsdiff extract reads it: the loader took any NUL
// anywhere in it for a binary file, so diff and the reader refused a page
// extract and git's textconv read.
func TestLoadHTMLStrayNUL(t *testing.T) {
	head := "<html><head><title>Le pont du port rouvre</title><script>var x = 1;</script></head><body><article>" +
		strings.Repeat("<p>Le pont du port a rouvert mardi, six semaines après la tempête d’hiver.</p>", 120)
	if len(head) < 8<<10 {
		t.Fatalf("the page's head is %d bytes, want the NUL past 8 KiB", len(head))
	}
	page := head + "<p>Le maire a salué\x00 la réouverture.</p></article></body></html>"
	c, problems := load(t, fstest.MapFS{
		"page.html":  {Data: []byte(page)},
		"early.html": {Data: []byte("<html>\x00" + page)},
	})
	arts := c.Articles()
	if len(arts) != 1 || arts[0].ID != "page" || !strings.Contains(arts[0].Text(arts[0].Body), "Le maire a salué la réouverture.") {
		t.Fatalf("articles %v, want page.html read as its article", arts)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	want := []string{"early.html: skipped: binary file (NUL byte at 6)"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestLoadUnreadKinds checks that a folder of files newsdiff does not read
// says which kinds it reads, instead of loading nothing in silence.
func TestLoadUnreadKinds(t *testing.T) {
	c, problems := load(t, files("a.pdf", "%PDF", "b.docx", "x", "c.rtf", "x", "d.odt", "x", ".hidden", "x", "meta.json", "{}"))
	if len(c.Articles()) != 0 || len(problems) != 1 {
		t.Fatalf("%d articles, problems %v", len(c.Articles()), problems)
	}
	want := ".: newsdiff reads .txt, .md, .html and .htm files, not a.pdf, b.docx, c.rtf and 1 more"
	if got := problems[0].Error(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// The count of the files not named is carried as a figure, for a
	// caller to write as it writes counts: bare in Error, as the caller's
	// count writes it in Text. It was built into the message, bare.
	if p := problems[0]; p.More != 1 || !strings.HasSuffix(p.Msg, "c.rtf") {
		t.Errorf("More %d, Msg %q: want 1 and the names alone", p.More, p.Msg)
	}
	many := fstest.MapFS{}
	for i := range 1234 {
		many[fmt.Sprintf("f%04d.pdf", i)] = &fstest.MapFile{Data: []byte("x")}
	}
	_, problems = load(t, many)
	if len(problems) != 1 {
		t.Fatalf("problems %v", problems)
	}
	tests := []struct {
		got, want string
	}{
		{problems[0].Error(), ".: newsdiff reads .txt, .md, .html and .htm files, not f0000.pdf, f0001.pdf, f0002.pdf and 1231 more"},
		{problems[0].Detail(), "newsdiff reads .txt, .md, .html and .htm files, not f0000.pdf, f0001.pdf, f0002.pdf and 1231 more"},
		{problems[0].Text(func(n int) string { return "<" + strconv.Itoa(n) + ">" }), ".: newsdiff reads .txt, .md, .html and .htm files, not f0000.pdf, f0001.pdf, f0002.pdf and <1231> more"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q\nwant %q", tt.got, tt.want)
		}
	}
	// A repository's README.md is not among the files it does not read:
	// "reads .md files, not README.md" contradicted itself.
	_, problems = load(t, files("README.md", "# Notes\n", "LICENSE.txt", "x", "photo.jpg", "x"))
	if len(problems) != 1 || problems[0].Msg != "newsdiff reads .txt, .md, .html and .htm files, not photo.jpg" {
		t.Errorf("problems %q beside a README.md", problems)
	}
	// A name that does not print as itself is quoted, as the commands
	// quote one: its escape sequence, dropped on the way to a terminal,
	// left the name of another file ("ared.pdf").
	_, problems = load(t, files("a\x1b[31mred.pdf", "x", "b c.pdf", "x", "n\nl.pdf", "x"))
	if want := `newsdiff reads .txt, .md, .html and .htm files, not "a\x1b[31mred.pdf", b c.pdf, "n\nl.pdf"`; len(problems) != 1 || problems[0].Msg != want {
		t.Errorf("problems %q, want the message %q", problems, want)
	}
	// Beside articles, other files are none of the reader's business.
	if _, problems := load(t, files("a.txt", "Title\n\nText.\n", "photo.jpg", "x")); len(problems) != 0 {
		t.Errorf("problems %v beside an article", problems)
	}
}

// TestLoadHTMLKeepsText checks, on the sample articles, that an article
// saved as a web page — with a site's navigation, share buttons and footer
// around it — loads with the same words, in the same order, as its text.
func TestLoadHTMLKeepsText(t *testing.T) {
	c, _ := load(t, articles.FS)
	for _, a := range c.Articles() {
		var page strings.Builder
		page.WriteString(`<html><head><title>` + html.EscapeString(a.Title) + ` | ` + html.EscapeString(a.Outlet) +
			`</title></head><body><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>` +
			html.EscapeString(a.Title) + `</h1><div class="share"><a href="#">Share</a></div>`)
		for _, p := range a.Paragraphs[1:] {
			page.WriteString("<p>" + html.EscapeString(a.Text(p.Span)) + "</p>\n")
		}
		page.WriteString(`</article><footer><p>© Example. All rights reserved.</p></footer></body></html>`)
		got := only(t, fstest.MapFS{"page.html": {Data: []byte(page.String())}})
		if want, have := words(a), words(got); !slices.Equal(have, want) {
			t.Errorf("%s: loaded from HTML as\n%q\nwant\n%q", a.Outlet, have, want)
		}
	}
}

func words(a *corpus.Article) []string {
	var out []string
	for _, tok := range a.Tokens.All() {
		if tok.Kind == corpus.TokWord && tok.Start >= a.Body.Start {
			out = append(out, tok.Form)
		}
	}
	return out
}
