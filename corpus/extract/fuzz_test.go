package extract_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// checkPage asserts what every extracted page promises: valid UTF-8, no
// control character but line feeds, metadata on one line, paragraphs with
// text and no blank line inside, and a text the loader reads back with the
// same metadata: what "newsdiff extract" writes is what the reader shows.
func checkPage(t *testing.T, p extract.Page) {
	t.Helper()
	text := p.Text()
	if !utf8.Valid(text) {
		t.Fatalf("invalid UTF-8 in %q", text)
	}
	for _, r := range string(text) {
		if r != '\n' && unicode.IsControl(r) {
			t.Fatalf("control %U in %q", r, text)
		}
	}
	for _, v := range []string{p.Title, p.Outlet, p.Byline, p.Date, p.URL, p.Lang} {
		if strings.ContainsAny(v, "\n\r\t") || strings.TrimSpace(v) != v {
			t.Fatalf("metadata %q is not one trimmed line", v)
		}
	}
	for _, para := range p.Paragraphs {
		if strings.TrimSpace(para) == "" || strings.Contains(para, "\n\n") {
			t.Fatalf("paragraph %q is blank or holds a blank line", para)
		}
	}
	c, problems, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: text}}, "fuzz")
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range problems {
		if !pr.Skipped || !strings.Contains(pr.Msg, "no words") {
			t.Fatalf("the loader reports %v on\n%q", pr, text)
		}
	}
	if arts := c.Articles(); len(arts) == 1 {
		a := arts[0]
		for _, f := range []struct{ name, page, loaded string }{
			{"title", p.Title, a.Title}, {"outlet", p.Outlet, a.Outlet}, {"byline", p.Byline, a.Byline},
			{"date", p.Date, a.Date}, {"url", p.URL, a.URL}, {"lang", p.Lang, a.Lang},
		} {
			// A page with no title has its first line taken for one.
			if f.page != f.loaded && (f.name != "title" || f.page != "") {
				t.Fatalf("%s %q loads as %q from\n%q", f.name, f.page, f.loaded, text)
			}
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "cp1252.html"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, "")
	}
	f.Add([]byte("<html><body><article><h1>T</h1>"+strings.Repeat("<p>Some words of an article, enough of them.</p>", 8)+"</article>"), "text/html; charset=iso-8859-1")
	f.Add([]byte(`<meta charset="shift_jis"><title>x</title><p>`+strings.Repeat("\x82\xa0 word ", 40)), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"publisher":[{"name":"\u001b[31m"}]}]}</script><time datetime="2024-02-30">`), "")
	f.Add([]byte("\xfe\xff\x00<\x00p\x00>"), "")
	f.Add([]byte(strings.Repeat("<div>", 600)+"<p>Deep.</p>"), "")
	// Declared UTF-8, with windows-1252 pasted in: bytes read as such, and
	// bytes with no meaning there (0x81, 0x8D, 0x8F, 0x90, 0x9D).
	f.Add([]byte(`<meta charset="utf-8"><title>Caf\xe9</title><article>`+strings.Repeat("<p>Le caf\xe9 \x93d\xe9j\xe0\x94 rouvert apr\u00e8s la temp\u00eate \x81\x8d\x8f\x90\x9d\xad.</p>", 8)), "")
	f.Add([]byte("\ufeff<p>\x93\xe9\x94 \u00e9"+strings.Repeat(" word", 30)), "text/html; charset=utf-8")
	// Declared UTF-8, mostly windows-1252, some of it valid UTF-8 by
	// chance ("ß“", "Ö”"), with UTF-8 pasted in.
	f.Add([]byte(`<meta charset="utf-8"><title>Spa\xdf</title><article>`+strings.Repeat("<p>Kein \x84Spa\xdf\x93 f\xfcr den \x84N\xd6\x94, sagte er am \x84Montag\x93 \u2014 caf\u00e9.</p>", 6)), "")
	f.Fuzz(func(t *testing.T, src []byte, contentType string) {
		p, err := extract.HTML(context.Background(), bytes.NewReader(src), "https://news.example/a", contentType)
		if err != nil {
			// The errors HTML documents: bytes that are no page (a NUL
			// near the start, as "\x00" has) and elements nested past
			// what the parser follows were taken for failures here.
			if !errors.Is(err, extract.ErrNoArticle) && !errors.Is(err, extract.ErrTooLarge) &&
				!errors.Is(err, extract.ErrBinary) && !errors.Is(err, extract.ErrTooDeep) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkPage(t, p)
	})
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nBody with **bold** and [a link](https://x.example).\n",
		"- a\n- b\n\n> quote\n\n    code\n\n<div>html <b>block</b></div>\n",
		"Setext\n===\n\nAT&amp;T \\* &#0; &#x110000;\n",
		"---\ntitle: front\n---\n# Heading\n\ntext\n",
		"* * *\n1) one\n2) two\n\n[ref]: https://x.example\n\n[ref]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := extract.Markdown(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range p.Paragraphs {
			if strings.TrimSpace(para) == "" || strings.Contains(para, "\n\n") {
				t.Fatalf("paragraph %q is blank or holds a blank line", para)
			}
		}
		if strings.ContainsAny(p.Title, "\n\r") {
			t.Fatalf("title %q on several lines", p.Title)
		}
		// The loader reads the same bytes as a .md file: it must never
		// panic, and an article's tokens must tile its body, its sentences
		// lie in its paragraphs.
		c, _, err := corpus.LoadFS(fstest.MapFS{"a.md": {Data: src}}, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Articles() {
			if a.Body.Start < 0 || a.Body.End > len(a.Raw) || a.Body.Start > a.Body.End {
				t.Fatalf("body %v outside the text (%d bytes)", a.Body, len(a.Raw))
			}
			if err := testcorpus.CheckArticle(a); err != nil {
				t.Fatalf("%v in the article loaded from\n%q", err, src)
			}
		}
	})
}
