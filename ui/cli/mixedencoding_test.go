package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportMixedEncoding holds two regression tests, each for extract and
// add, whether the page is a saved file or fetched:
//
//   - a page that declares UTF-8 and mixes in windows-1252 was read without
//     a word, its stray bytes written into the article as U+FFFD; then said
//     so, and still wrote U+FFFD. Each now reads those bytes as
//     windows-1252 and says how many, naming the page, as for a text file.
//   - a windows-1252 page with UTF-8 pasted in ("“café”") was read as
//     windows-1252 throughout, writing "â€œcafÃ©â€" into the article
//     without a word. The UTF-8 is now read as UTF-8, and each says how
//     many characters were, naming the page, also when it is fetched as
//     ISO-8859-1.
func TestImportMixedEncoding(t *testing.T) {
	tests := []struct {
		name        string
		page        string
		contentType string // the server's
		note        string // what follows the page's name on stderr
		repaired    string // the article's text where the encodings mix
		extracted   string // more that extract writes
		added       string // more that add writes on stdout
	}{
		{
			name: "windows-1252 in UTF-8",
			page: `<html><head><meta charset="utf-8"><title>Port</title></head><body><article>` +
				strings.Repeat("<p>Le café du port a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>", 4) +
				"<p>Le prix a monté de 5\x80 par semaine, \xabmerci\xbb dit la patronne.</p></article></body></html>",
			contentType: "text/html",
			note:        ": mixes UTF-8 and windows-1252; 3 characters were read as windows-1252\n",
			repaired:    "Le prix a monté de 5€ par semaine, «merci» dit la patronne.",
			extracted:   "Le café du port",
			added:       "· Port ·",
		},
		{
			name: "UTF-8 in windows-1252",
			page: `<html><head><title>Port</title></head><body><article>` +
				strings.Repeat("<p>Le caf\xe9 du port a rouvert mardi, six semaines apr\xe8s la temp\xeate d'hiver qui avait ferm\xe9 deux voies.</p>", 4) +
				"<p>Le \u201ccaf\u00e9\u201d a rouvert.</p></article></body></html>",
			contentType: "text/html; charset=ISO-8859-1",
			note:        ": mixes UTF-8 and windows-1252; 3 characters were read as UTF-8\n",
			repaired:    "Le \u201ccaf\u00e9\u201d a rouvert.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := filepath.Join(t.TempDir(), "port.html")
			if err := os.WriteFile(saved, []byte(tc.page), 0o644); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				w.Write([]byte(tc.page))
			}))
			t.Cleanup(srv.Close)

			env, out, errb := seedEnv(t)
			if code := Run(context.Background(), []string{"extract", saved}, env); code != ExitOK {
				t.Fatalf("extract: exit %d: %s", code, errb)
			}
			if want := "newsdiff extract: " + saved + tc.note; errb.String() != want || !strings.Contains(out.String(), tc.extracted) || !strings.Contains(out.String(), tc.repaired) {
				t.Errorf("extract: stderr %q, want %q; stdout:\n%s", errb, want, out)
			}
			for _, src := range []string{saved, srv.URL + "/port"} {
				env, out, errb = seedEnv(t)
				dir := t.TempDir()
				if code := Run(context.Background(), []string{"add", dir, src}, env); code != ExitOK {
					t.Fatalf("add %s: exit %d: %s", src, code, errb)
				}
				if want := "newsdiff add: " + src + tc.note; errb.String() != want || !strings.Contains(out.String(), tc.added) {
					t.Errorf("add %s: stderr %q, want %q; stdout %q", src, errb, want, out)
				}
				added, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
				if len(added) != 1 {
					t.Fatalf("add %s: files %q, want one", src, added)
				}
				if text, err := os.ReadFile(added[0]); err != nil || !strings.Contains(string(text), tc.repaired) {
					t.Errorf("add %s wrote %v:\n%s", src, err, text)
				}
			}
		})
	}
}
