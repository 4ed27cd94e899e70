package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractMarkdownURL is a regression test: raw Markdown at an address
// (text/markdown, or text/plain under a .md name, as GitHub serves a
// raw file) was refused, "not a web page: the server sent text/markdown".
// extract and add read it as the same file saved is read, front matter
// and all, the article named by its address unless the front matter
// gives one; front matter that is none is said, as for a file.
func TestExtractMarkdownURL(t *testing.T) {
	const md = "---\ntitle: Bridge reopens after repairs\noutlet: The Courier\n---\n" +
		"# Repairs finished early\n\nThe **bridge** reopened on Tuesday, [officials said](https://example.org/x).\n"
	const bad = "---\noutlet: Courier\ntitle: Bridge vote\n\nThe council voted to close the bridge on Monday.\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
			w.Write([]byte(md))
		case "/raw/story.md":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(md))
		case "/raw/bad.md":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(bad))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	file := filepath.Join(writeFiles(t, map[string]string{"story.md": md}), "story.md")
	le := newLocalEnv(t, false, "")
	if code := le.run("extract", file); code != 0 {
		t.Fatalf("extract %s: exit %d: %s", file, code, le.errb)
	}
	saved := le.out.String()

	for _, path := range []string{"/story", "/raw/story.md"} {
		u := srv.URL + path
		le := newLocalEnv(t, false, "")
		if code := le.run("extract", u); code != 0 {
			t.Errorf("extract %s: exit %d: %s", u, code, le.errb)
			continue
		}
		// The file's extract, with the address it was served from.
		want := strings.Replace(saved, "outlet: The Courier\n", "outlet: The Courier\nurl: "+u+"\n", 1)
		if le.out.String() != want {
			t.Errorf("extract %s:\n%s\nwant:\n%s", u, le.out, want)
		}
	}

	dir := t.TempDir()
	le = newLocalEnv(t, false, "")
	if code := le.run("add", dir, srv.URL+"/raw/story.md", srv.URL+"/raw/bad.md"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, le.errb)
	}
	if _, err := os.Stat(filepath.Join(dir, "the-courier-bridge-reopens-after-repairs.txt")); err != nil {
		t.Errorf("add: %v; wrote %s", err, le.out)
	}
	const why = `: byte 40: front matter line is not "key: value", so the file is read as text from its start` + "\n"
	if want := "newsdiff add: " + Name(srv.URL+"/raw/bad.md") + why; le.errb.String() != want {
		t.Errorf("add: stderr %q, want %q", le.errb, want)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("extract", srv.URL+"/raw/bad.md"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, le.errb)
	}
	if want := "newsdiff extract: " + Name(srv.URL+"/raw/bad.md") + why; le.errb.String() != want {
		t.Errorf("extract: stderr %q, want %q", le.errb, want)
	}
}
