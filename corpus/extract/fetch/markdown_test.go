package fetch_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/extract/fetch"
)

// markdownServer serves one Markdown article as a server of raw files
// does: as text/markdown, as text/plain under a .md name (GitHub's raw
// files), and after a redirect to such a name; and a text file as
// text/plain.
func markdownServer(t *testing.T, md string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	serve := func(path, contentType string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(md))
		})
	}
	serve("/story", "text/markdown; charset=utf-8")
	serve("/x-story", "text/x-markdown")
	serve("/raw/story.md", "text/plain; charset=utf-8")
	serve("/raw/STORY.MARKDOWN", "text/plain")
	serve("/notes.txt", "text/plain; charset=utf-8")
	serve("/notes", "text/plain")
	mux.HandleFunc("/latest", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/raw/story.md", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestPageMarkdown is a regression test: raw Markdown at an address
// ("text/markdown", or "text/plain" under a .md name) was refused, "not a
// web page: the server sent text/markdown (newsdiff reads HTML pages)",
// where the same file saved is read. It is read as Markdown, named by
// the address it was served from; plain text served so is refused still.
func TestPageMarkdown(t *testing.T) {
	const md = "# Bridge reopens\n\nThe **bridge** reopened [on Tuesday](https://example.org/x).\n"
	srv := markdownServer(t, md)
	c := fetch.New()
	for _, tt := range []struct{ path, servedFrom string }{
		{"/story", "/story"},
		{"/x-story", "/x-story"},
		{"/raw/story.md", "/raw/story.md"},
		{"/raw/STORY.MARKDOWN", "/raw/STORY.MARKDOWN"},
		{"/latest", "/raw/story.md"},
	} {
		p, err := c.Page(context.Background(), srv.URL+tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if want := []string{"The bridge reopened on Tuesday."}; p.Title != "Bridge reopens" || !slices.Equal(p.Paragraphs, want) {
			t.Errorf("%s: title %q paragraphs %q, want %q %q", tt.path, p.Title, p.Paragraphs, "Bridge reopens", want)
		}
		if p.URL != srv.URL+tt.servedFrom {
			t.Errorf("%s: URL %q, want %q", tt.path, p.URL, srv.URL+tt.servedFrom)
		}
	}
	for _, path := range []string{"/notes.txt", "/notes"} {
		const want = "not a web page: the server sent text/plain (newsdiff reads HTML pages and Markdown)"
		if _, err := c.Page(context.Background(), srv.URL+path); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %q", path, err, want)
		}
	}
}

// TestPageMarkdownReader checks that a client's Markdown reader is given
// the whole body, front matter and all, and that its page keeps the
// address its front matter gives, else is named by the one it was
// served from.
func TestPageMarkdownReader(t *testing.T) {
	const md = "---\ntitle: Bridge reopens\n---\nThe bridge reopened on Tuesday.\n"
	srv := markdownServer(t, md)
	c := fetch.New()
	var got string
	c.Markdown = func(src []byte) (extract.Page, error) {
		got = string(src)
		return extract.Page{Title: "Bridge reopens", Paragraphs: []string{"The bridge reopened on Tuesday."}}, nil
	}
	p, err := c.Page(context.Background(), srv.URL+"/story")
	if err != nil {
		t.Fatal(err)
	}
	if got != md || p.URL != srv.URL+"/story" {
		t.Errorf("reader given %q, page URL %q; want %q, %q", got, p.URL, md, srv.URL+"/story")
	}
	c.Markdown = func([]byte) (extract.Page, error) {
		return extract.Page{Title: "T", URL: "https://example.org/canonical", Paragraphs: []string{"Text."}}, nil
	}
	if p, err = c.Page(context.Background(), srv.URL+"/story"); err != nil || p.URL != "https://example.org/canonical" {
		t.Errorf("got URL %q, %v; want the front matter's", p.URL, err)
	}
}
