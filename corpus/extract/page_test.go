package extract_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/extract"
)

// TestTextLoads checks that what Text writes, newsdiff's loader reads back:
// every metadata field, however awkward its value, and the paragraphs.
func TestTextLoads(t *testing.T) {
	tests := []extract.Page{
		{Title: "Plain title", Outlet: "Al Jazeera", Byline: "Jo Bloggs", Date: "2016-07-27",
			URL: "https://www.aljazeera.com/news/a", Lang: "en", Paragraphs: []string{"First paragraph.", "Second."}},
		{Title: `"Quoted" at the start`, Outlet: "'Single' quotes", Byline: "By: colon",
			Paragraphs: []string{"Body text here."}},
		{Title: "Tab\tand\nnewline in a title", Outlet: "Outlet # not a comment",
			Paragraphs: []string{"Line one\nline two of one paragraph.", "Another."}},
		{Title: "Control\x1b[31m in a title", Outlet: "x", Paragraphs: []string{"Words."}},
	}
	for _, p := range tests {
		t.Run(p.Title, func(t *testing.T) {
			c, problems, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: p.Text()}}, "test")
			if err != nil || len(problems) != 0 {
				t.Fatalf("load: %v %v\n%s", err, problems, p.Text())
			}
			a := c.Articles()[0]
			want := corpus.Article{Title: clean(p.Title), Outlet: clean(p.Outlet), Byline: p.Byline,
				Date: p.Date, URL: p.URL, Lang: p.Lang}
			if strings.Contains(p.Title, "\x1b[") {
				want.Title = "Control in a title" // the escape sequence goes whole
			}
			if a.Title != want.Title || a.Outlet != want.Outlet || a.Byline != want.Byline ||
				a.Date != want.Date || a.URL != want.URL || a.Lang != want.Lang {
				t.Errorf("loaded title %q outlet %q byline %q date %q url %q lang %q\nwant %q %q %q %q %q %q\n%s",
					a.Title, a.Outlet, a.Byline, a.Date, a.URL, a.Lang,
					want.Title, want.Outlet, want.Byline, want.Date, want.URL, want.Lang, p.Text())
			}
			// The headline is the first paragraph, then one per page paragraph.
			if got, want := len(a.Paragraphs), 1+len(p.Paragraphs); got != want {
				t.Errorf("%d paragraphs, want %d:\n%s", got, want, p.Text())
			}
		})
	}
}

// clean is what the loader makes of a one-line value.
func clean(s string) string {
	out := []rune{}
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n':
			space = true
		case r < 0x20:
		default:
			if space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = false
			out = append(out, r)
		}
	}
	return string(out)
}

func TestTextWithoutMetadata(t *testing.T) {
	p := extract.Page{Paragraphs: []string{"One.", "Two."}}
	if got, want := string(p.Text()), "One.\n\nTwo.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTextOfATitleAlone is a regression test: a page of a title and no
// paragraph (a Markdown file of one heading) ended on a blank line, which
// extract printed and add wrote.
func TestTextOfATitleAlone(t *testing.T) {
	for _, tt := range []struct {
		p    extract.Page
		want string
	}{
		{extract.Page{Title: "Bridge vote"}, "---\ntitle: Bridge vote\n---\nBridge vote\n"},
		{extract.Page{Title: "Bridge vote", Outlet: "The Courier"}, "---\ntitle: Bridge vote\noutlet: The Courier\n---\nBridge vote\n"},
		{extract.Page{Title: "Bridge vote", Paragraphs: []string{"One."}}, "---\ntitle: Bridge vote\n---\nBridge vote\n\nOne.\n"},
	} {
		if got := string(tt.p.Text()); got != tt.want {
			t.Errorf("Text of %+v = %q, want %q", tt.p, got, tt.want)
		}
	}
}
