package extract_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update after checking):\n%s", path, got)
	}
}

func extractFile(t *testing.T, name, pageURL, contentType string) extract.Page {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := extract.HTML(context.Background(), f, pageURL, contentType)
	if err != nil {
		t.Fatalf("HTML(%s): %v", name, err)
	}
	return p
}

// TestHTMLGolden checks the whole output for a page with everything a
// news page carries around its article.
func TestHTMLGolden(t *testing.T) {
	p := extractFile(t, "article.html", "", "")
	golden(t, "article", p.Text())
	text := string(p.Text())
	for _, junk := range []string{
		"cookies", "Home", "Share on", "Read more", "Storm damage in pictures", "First!",
		"Advertisement", "All rights reserved", "Photo: Example Agency", "tracking", "color: red",
	} {
		if strings.Contains(text, junk) {
			t.Errorf("the article keeps %q:\n%s", junk, text)
		}
	}
}

func TestHTMLMetadata(t *testing.T) {
	p := extractFile(t, "article.html", "", "")
	want := extract.Page{
		Title:  "Harbour bridge reopens after storm repairs",
		Outlet: "The Example Courier", // from a JSON-LD organization in a @graph
		Date:   "2024-03-05T09:30:00+01:00",
		URL:    "https://www.courier.example/news/2024/03/harbour-bridge-reopens",
		Lang:   "en-GB",
	}
	got := p
	got.Paragraphs, got.Byline = nil, ""
	if got.Title != want.Title || got.Outlet != want.Outlet || got.Date != want.Date || got.URL != want.URL || got.Lang != want.Lang {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if first := p.Paragraphs[0]; !strings.HasSuffix(first, "buses & lorries.") {
		t.Errorf("first paragraph %q: want the entity &amp; decoded", first)
	}
}

// TestHTMLMetadataSources checks each place a page may give its metadata
// and the order they are preferred in.
func TestHTMLMetadataSources(t *testing.T) {
	body := `<article><h1>A headline</h1>` + strings.Repeat(`<p>The council said the bridge would reopen on Tuesday after six weeks of repairs to its western railing.</p>`, 6) + `</article>`
	tests := []struct {
		name, head, pageURL string
		want                extract.Page // Outlet, Date, URL, Byline, Title
	}{
		{"og:site_name wins over the host", `<meta property="og:site_name" content="The Courier">`, "https://www.courier.example/a",
			extract.Page{Outlet: "The Courier", URL: "https://www.courier.example/a"}},
		{"JSON-LD publisher of an article", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A headline","publisher":{"@type":"Organization","name":"Courier Ltd"},"datePublished":"2024-03-05","author":{"name":"Jo Bloggs"}}</script>`, "",
			extract.Page{Outlet: "Courier Ltd", Date: "2024-03-05", Byline: "Jo Bloggs", Title: "A headline"}},
		{"JSON-LD publisher in a list", `<script type="application/ld+json">[{"@context":"https://schema.org","@type":"WebPage","publisher":{"name":"Listed Outlet"}}]</script>`, "",
			extract.Page{Outlet: "Listed Outlet"}},
		{"host without www", ``, "https://www.aljazeera.com/news/x",
			extract.Page{Outlet: "aljazeera.com", URL: "https://www.aljazeera.com/news/x"}},
		{"article:published_time", `<meta property="article:published_time" content="2016-07-27T18:05:00Z">`, "",
			extract.Page{Date: "2016-07-27T18:05:00Z"}},
		{"time element", `</head><body><time datetime="2016-07-27">27 July</time>`, "",
			extract.Page{Date: "2016-07-27"}},
		{"og:url when no address is given", `<meta property="og:url" content="https://news.example/story">`, "",
			extract.Page{URL: "https://news.example/story", Outlet: "news.example"}},
		{"the canonical link wins over the address given", `<link rel="canonical" href="https://news.example/canonical">`, "https://www.news.example/fetched?utm_source=x",
			extract.Page{URL: "https://news.example/canonical", Outlet: "news.example"}},
		{"credentials in the address are not kept", ``, "https://jo:secret@news.example/a",
			extract.Page{URL: "https://news.example/a", Outlet: "news.example"}},
		{"a relative canonical link", `<link rel="canonical" href="/canonical">`, "https://news.example/fetched?utm_source=x",
			extract.Page{URL: "https://news.example/canonical", Outlet: "news.example"}},
		{"a canonical link that is no web address", `<link rel="canonical" href="javascript:alert(1)">`, "",
			extract.Page{}},
		{"byline meta and entities", `<meta name="author" content="By Ann &amp; Bo">`, "",
			extract.Page{Byline: "Ann & Bo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>A headline</title>" + tt.head + "</head><body>" + body + "</body></html>"
			p, err := extract.HTML(context.Background(), strings.NewReader(page), tt.pageURL, "")
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.Title == "" {
				tt.want.Title = "A headline"
			}
			if p.Outlet != tt.want.Outlet || p.Date != tt.want.Date || p.URL != tt.want.URL || p.Byline != tt.want.Byline || p.Title != tt.want.Title {
				t.Errorf("outlet %q date %q url %q byline %q title %q\nwant %q %q %q %q %q",
					p.Outlet, p.Date, p.URL, p.Byline, p.Title,
					tt.want.Outlet, tt.want.Date, tt.want.URL, tt.want.Byline, tt.want.Title)
			}
		})
	}
}

func TestHTMLLegacyEncoding(t *testing.T) {
	want := "« C’était long », a déclaré une infirmière"
	for _, ct := range []string{"", "text/html; charset=windows-1252", "text/html"} {
		p := extractFile(t, "cp1252.html", "", ct)
		if text := string(p.Text()); !strings.Contains(text, want) {
			t.Errorf("content type %q: want %q in\n%s", ct, want, text)
		}
		if p.Lang != "fr" || p.Title != "Le pont du port rouvre" {
			t.Errorf("content type %q: lang %q title %q", ct, p.Lang, p.Title)
		}
	}
}

// TestHTMLUTF8DeclaredLate checks a UTF-8 page whose first 1024 bytes
// declare nothing and hold only ASCII: the charset package alone would
// read it as windows-1252 and garble every accent.
func TestHTMLUTF8DeclaredLate(t *testing.T) {
	page := "<html><head><title>Pont</title>" + strings.Repeat("<!-- padding -->\n", 80) +
		"</head><body><article>" + strings.Repeat("<p>Le pont a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>", 6) + "</article></body></html>"
	p, err := extract.HTML(context.Background(), strings.NewReader(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "après la tempête d’hiver"; !strings.Contains(p.Paragraphs[0], want) {
		t.Errorf("got %q, want %q", p.Paragraphs[0], want)
	}
}

// TestHTMLUTF16 checks that a page in UTF-16, whose byte-order mark says
// so, is read although it is full of NUL bytes.
func TestHTMLUTF16(t *testing.T) {
	page := "\ufeff<html><head><title>Pont</title></head><body><article>" + strings.Repeat("<p>Le pont a rouvert mardi, six semaines après la tempête d’hiver.</p>", 6) + "</article></body></html>"
	for _, order := range []string{"le", "be"} {
		var b []byte
		for _, r := range page {
			hi, lo := byte(r>>8), byte(r)
			if order == "le" {
				b = append(b, lo, hi)
			} else {
				b = append(b, hi, lo)
			}
		}
		p, err := extract.HTML(context.Background(), bytes.NewReader(b), "", "")
		if err != nil {
			t.Fatalf("UTF-16%s: %v", order, err)
		}
		if want := "après la tempête d’hiver"; !strings.Contains(p.Paragraphs[0], want) {
			t.Errorf("UTF-16%s: got %q, want %q", order, p.Paragraphs[0], want)
		}
	}
}

// TestHTMLMisdeclaredCharset checks pages whose bytes are not in the
// charset they declare: a UTF-8 page a server labels ISO-8859-1 (the
// default of many) was read as "aprÃ¨s", and a windows-1252 page labelled
// UTF-8 lost every accent to U+FFFD.
func TestHTMLMisdeclaredCharset(t *testing.T) {
	const want = "après la tempête d’hiver"
	page := func(meta string) string {
		return "<html><head>" + meta + "<title>Pont</title></head><body><article>" +
			strings.Repeat("<p>Le pont a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>", 6) +
			"</article></body></html>"
	}
	cp1252 := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, page, contentType string
	}{
		{"UTF-8 served as ISO-8859-1", page(""), "text/html; charset=ISO-8859-1"},
		{"UTF-8 declaring windows-1252", page(`<meta charset="windows-1252">`), ""},
		{"UTF-8 served as UTF-16", page(""), "text/html; charset=utf-16"},
		{"UTF-8 with a byte-order mark", "\ufeff" + page(""), "text/html; charset=ISO-8859-1"},
		{"windows-1252 served as UTF-8", cp1252(page("")), "text/html; charset=utf-8"},
		{"windows-1252 declaring UTF-8", cp1252(page(`<meta charset="utf-8">`)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.Paragraphs[0], want) {
				t.Errorf("got %q, want %q", p.Paragraphs[0], want)
			}
		})
	}
	// A UTF-8 page with a stray byte stays UTF-8: that byte is read as
	// windows-1252 (see TestHTMLStrayWindows1252), not every accent
	// garbled.
	mixed := strings.Replace(page(""), "mardi", "mardi \xe9", 1)
	p, err := extract.HTML(context.Background(), strings.NewReader(mixed), "", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Paragraphs[0], "mardi é,") || !strings.Contains(p.Paragraphs[0], want) {
		t.Errorf("stray byte: got %q", p.Paragraphs[0])
	}
}

func TestHTMLFailures(t *testing.T) {
	tests := []struct {
		name string
		page string
		want error
	}{
		{"empty", "", extract.ErrNoArticle},
		{"no text", "<html><body><img src=a.png><nav><a href=/>Home</a></nav></body></html>", extract.ErrNoArticle},
		{"too large", "<p>" + strings.Repeat("a", extract.MaxSize), extract.ErrTooLarge},
		// An image, a PDF or random bytes saved as .html or served without
		// a type: read as windows-1252 they gave an article of garbage.
		{"a PNG image", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("The bridge reopened on Tuesday after repairs. ", 20), extract.ErrBinary},
		// The parser's panic, recovered, said "html: open stack of
		// elements exceeds 512 nodes".
		{"nested too deep", "<html><body>" + strings.Repeat("<div>", 600) + "<p>" + strings.Repeat("Deep words of an article here. ", 10), extract.ErrTooDeep},
		{"binary after markup", "<html><body><p>" + strings.Repeat("\x01\x00\xff\xfe words of no page ", 40), extract.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", "")
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := extract.HTML(ctx, strings.NewReader("<p>text</p>"), "", ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// TestHTMLControlsDropped checks that escape sequences and other controls
// in a page never reach the article text, and that an escape sequence is
// dropped whole: dropping its ESC alone left "[31m" in the title and
// "]52;c;aGk=" in the text, saved into the article.
func TestHTMLControlsDropped(t *testing.T) {
	page := "<title>Bridge\x1b[31m news\u009b2J</title><article>" + strings.Repeat("<p>The bridge reopened\x1b]52;c;aGk=\x07 on Tuesday \u0085after six weeks of repairs to its railing and lanes.</p>", 6) + "</article>"
	p, err := extract.HTML(context.Background(), strings.NewReader(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	text := p.Text()
	if bytes.ContainsAny(text, "\x1b\x07\u0085\u009b") {
		t.Errorf("controls kept: %q", text)
	}
	if p.Title != "Bridge news" {
		t.Errorf("title %q, want %q", p.Title, "Bridge news")
	}
	if want := "The bridge reopened on Tuesday after six weeks"; !bytes.Contains(text, []byte(want)) {
		t.Errorf("text %q does not read %q", text, want)
	}
}
