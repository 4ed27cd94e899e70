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

// TestImportMixedEncodingWarns is a regression test: extract and add read
// a page that declares UTF-8 and mixes in windows-1252 without a word, its
// stray bytes written into the article as U+FFFD; then said so, and still
// wrote U+FFFD. Each now reads those bytes as windows-1252 and says how
// many, naming the page, as for a text file, whether the page is a saved
// file or fetched.
func TestImportMixedEncodingWarns(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>Port</title></head><body><article>` +
		strings.Repeat("<p>Le café du port a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>", 4) +
		"<p>Le prix a monté de 5\x80 par semaine, \xabmerci\xbb dit la patronne.</p></article></body></html>"
	saved := filepath.Join(t.TempDir(), "port.html")
	if err := os.WriteFile(saved, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(page))
	}))
	t.Cleanup(srv.Close)
	const note = ": mixes UTF-8 and windows-1252; 3 characters were read as windows-1252\n"
	const repaired = "Le prix a monté de 5€ par semaine, «merci» dit la patronne."

	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"extract", saved}, env); code != ExitOK {
		t.Fatalf("extract: exit %d: %s", code, errb)
	}
	if want := "newsdiff extract: " + saved + note; errb.String() != want || !strings.Contains(out.String(), "Le café du port") || !strings.Contains(out.String(), repaired) {
		t.Errorf("extract: stderr %q, want %q; stdout:\n%s", errb, want, out)
	}
	for _, src := range []string{saved, srv.URL + "/port"} {
		env, out, errb = seedEnv(t)
		dir := t.TempDir()
		if code := Run(context.Background(), []string{"add", dir, src}, env); code != ExitOK {
			t.Fatalf("add %s: exit %d: %s", src, code, errb)
		}
		if want := "newsdiff add: " + src + note; errb.String() != want || !strings.Contains(out.String(), "· Port ·") {
			t.Errorf("add %s: stderr %q, want %q; stdout %q", src, errb, want, out)
		}
		added, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(added) != 1 {
			t.Fatalf("add %s: files %q, want one", src, added)
		}
		if text, err := os.ReadFile(added[0]); err != nil || !strings.Contains(string(text), repaired) {
			t.Errorf("add %s wrote %v:\n%s", src, err, text)
		}
	}
}

// TestImportUTF8InWindows1252 is a regression test: extract and add read
// a windows-1252 page with UTF-8 pasted in ("“café”") as windows-1252
// throughout, writing "â€œcafÃ©â€" into the article without a word. The
// UTF-8 is now read as UTF-8, and each says how many characters were,
// naming the page, whether it is a saved file or fetched as ISO-8859-1.
func TestImportUTF8InWindows1252(t *testing.T) {
	page := `<html><head><title>Port</title></head><body><article>` +
		strings.Repeat("<p>Le caf\xe9 du port a rouvert mardi, six semaines apr\xe8s la temp\xeate d'hiver qui avait ferm\xe9 deux voies.</p>", 4) +
		"<p>Le \u201ccaf\u00e9\u201d a rouvert.</p></article></body></html>"
	saved := filepath.Join(t.TempDir(), "port.html")
	if err := os.WriteFile(saved, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte(page))
	}))
	t.Cleanup(srv.Close)
	const note = ": mixes UTF-8 and windows-1252; 3 characters were read as UTF-8\n"

	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"extract", saved}, env); code != ExitOK {
		t.Fatalf("extract: exit %d: %s", code, errb)
	}
	if want := "newsdiff extract: " + saved + note; errb.String() != want || !strings.Contains(out.String(), "Le \u201ccaf\u00e9\u201d a rouvert.") {
		t.Errorf("extract: stderr %q, want %q; stdout:\n%s", errb, want, out)
	}
	for _, src := range []string{saved, srv.URL + "/port"} {
		env, out, errb = seedEnv(t)
		dir := t.TempDir()
		if code := Run(context.Background(), []string{"add", dir, src}, env); code != ExitOK {
			t.Fatalf("add %s: exit %d: %s", src, code, errb)
		}
		if want := "newsdiff add: " + src + note; errb.String() != want {
			t.Errorf("add %s: stderr %q, want %q; stdout %q", src, errb, want, out)
		}
		added, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(added) != 1 {
			t.Fatalf("add %s: files %q, want one", src, added)
		}
		if text, err := os.ReadFile(added[0]); err != nil || !strings.Contains(string(text), "Le \u201ccaf\u00e9\u201d a rouvert.") {
			t.Errorf("add %s wrote %v:\n%s", src, err, text)
		}
	}
}
