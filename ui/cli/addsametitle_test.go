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

// TestAddSameTitleOtherAddress is a regression test: add refused an
// article whose outlet and title an article of the folder had, from
// whatever address it came ("… exists (--force replaces it)"): a
// different story under the same headline, or an update at a new
// address, could not be added. The rule now: the same address, or the
// same outlet's same text, is the article already there and is skipped;
// another article of that outlet and title is added beside it, under a
// name of its own, with a note naming the file it shares them with; the
// same text from another outlet (agency copy) is another article.
func TestAddSameTitleOtherAddress(t *testing.T) {
	page := readTestPage(t)
	canonical := []byte("https://www.courier.example/news/2024/03/harbour-bridge-reopens")
	moved := func(b []byte, url string) []byte {
		return bytes.ReplaceAll(b, canonical, []byte(url))
	}
	updated := bytes.ReplaceAll(page, []byte("six weeks after a winter storm"), []byte("seven weeks after a winter storm"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/a":
			w.Write(page)
		case "/amp": // the same article at another address
			w.Write(moved(page, "https://amp.courier.example/news/2024/03/harbour-bridge-reopens"))
		case "/update": // same outlet and title, another text and address
			w.Write(moved(updated, "https://www.courier.example/news/2024/03/harbour-bridge-reopens-update"))
		case "/agency": // the same text, another outlet
			w.Write(moved(bytes.ReplaceAll(page, []byte("The Example Courier"), []byte("The Harbour Gazette")), "https://gazette.example/bridge"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	dir := filepath.Join(t.TempDir(), "story")
	first := filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt")
	second := filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs-2.txt")
	gazette := filepath.Join(dir, "the-harbour-gazette-harbour-bridge-reopens-after-storm-repairs.txt")

	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"add", dir, srv.URL + "/a"}, env); code != ExitOK {
		t.Fatalf("add /a: exit %d: %s", code, errb)
	}
	steps := []struct {
		path    string
		stdout  string // a line stdout has
		stderr  string
		written string // the file added, or ""
	}{
		{"/a", "skipped " + srv.URL + "/a: https://www.courier.example/news/2024/03/harbour-bridge-reopens already in " + first, "", ""},
		{"/amp", "skipped " + srv.URL + "/amp: the same article is in " + first, "", ""},
		{"/update", "· " + second + "\n",
			"newsdiff add: note: " + second + " shares its outlet and title with " + first + ", another article\n", second},
		{"/agency", "· " + gazette + "\n", "", gazette},
		{"/update", "already in " + second, "", ""},
	}
	for _, st := range steps {
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), []string{"add", dir, srv.URL + st.path}, env); code != ExitOK {
			t.Errorf("add %s: exit %d: %s", st.path, code, errb)
			continue
		}
		if !strings.Contains(out.String(), st.stdout) || errb.String() != st.stderr {
			t.Errorf("add %s: stdout %q, stderr %q; want stdout with %q, stderr %q", st.path, out, errb, st.stdout, st.stderr)
		}
		if st.written != "" {
			if _, err := os.Stat(st.written); err != nil {
				t.Errorf("add %s: %v", st.path, err)
			}
		}
	}
	c, problems, err := corpus.LoadDir(dir)
	if err != nil || len(problems) != 0 || len(c.Articles()) != 3 {
		t.Fatalf("the folder loads %v, %v, %d articles; want 3", err, problems, len(c.Articles()))
	}
	if b, _ := os.ReadFile(first); !bytes.Contains(b, []byte("six weeks after")) {
		t.Errorf("the first article was changed: %q", b)
	}
}
