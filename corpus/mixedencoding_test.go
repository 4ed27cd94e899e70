package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLoadPageMixedEncodings is a regression test: a saved page whose
// bytes mix UTF-8 with windows-1252 loaded without a word, its stray bytes
// read as U+FFFD. It now loads with one warning naming the file and how
// many bytes were replaced, as a text file's invalid bytes are said; a
// page in windows-1252 with UTF-8 pasted in reads it as UTF-8 and says how
// many characters; a page in one encoding says nothing.
func TestLoadPageMixedEncodings(t *testing.T) {
	para := "<p>Le café du port a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>"
	page := func(body string) string {
		return `<html><head><meta charset="utf-8"><title>Port</title></head><body><article>` + body + "</article></body></html>"
	}
	dir := t.TempDir()
	files := map[string]string{
		// "5€ «merci»" in windows-1252 among UTF-8.
		"mixed.html": page(strings.Repeat(para, 4) + "<p>Le prix a monté de 5\x80 par semaine, \xabmerci\xbb dit la patronne.</p>"),
		"stray.html": page(strings.Repeat(para, 4) + "<p>Un octet \xe9gar\u00e9 dans la page.</p>"),
		"clean.html": page(strings.Repeat(para, 5)),
		// Declaring nothing, "“déjà”" in windows-1252 among UTF-8: read
		// as windows-1252, and said.
		"undeclared.html": "<html><head><title>Port</title></head><body><article>" + strings.Repeat(para, 4) + "<p>La patronne a dit \x93d\xe9j\xe0\x94.</p></article></body></html>",
		"latin1.html":     "<html><head><title>Port</title></head><body><article>" + strings.Repeat("<p>Le caf\xe9 du port a rouvert mardi, six semaines apr\xe8s la temp\xeate d'hiver qui avait ferm\xe9 deux voies.</p>", 5) + "</article></body></html>",
		// Windows-1252 with "“café”" pasted in UTF-8: read as UTF-8, and said.
		"pasted.html": "<html><head><title>Port</title></head><body><article>" + strings.Repeat("<p>Le caf\xe9 du port a rouvert mardi, six semaines apr\xe8s la temp\xeate d'hiver qui avait ferm\xe9 deux voies.</p>", 4) + "<p>Le “café” a rouvert.</p></article></body></html>",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, problems, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Articles()); n != len(files) {
		t.Errorf("%d articles loaded, want %d", n, len(files))
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	want := []string{
		filepath.Join(dir, "mixed.html") + ": 3 bytes were not valid UTF-8 and were replaced",
		filepath.Join(dir, "pasted.html") + ": mixes UTF-8 and windows-1252; 3 characters were read as UTF-8",
		filepath.Join(dir, "stray.html") + ": 1 byte was not valid UTF-8 and was replaced",
		filepath.Join(dir, "undeclared.html") + ": mixes UTF-8 and windows-1252; 4 characters were read as windows-1252",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// LoadFile, which the archive and the commands use, says it too.
	_, probs, err := corpus.LoadFile(filepath.Join(dir, "mixed.html"))
	if err != nil || len(probs) != 1 || probs[0].Error() != want[0] {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, want[0])
	}
	if a, probs, err := corpus.LoadFile(filepath.Join(dir, "undeclared.html")); err != nil || len(probs) != 1 || probs[0].Error() != want[3] {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, want[3])
	} else if text := a.Text(a.Body); !strings.Contains(text, "La patronne a dit “déjà”.") {
		t.Errorf("undeclared.html reads:\n%s", text)
	}
	a, probs, err := corpus.LoadFile(filepath.Join(dir, "pasted.html"))
	if err != nil || len(probs) != 1 || probs[0].Error() != want[1] {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, want[1])
	} else if text := a.Text(a.Body); !strings.Contains(text, "Le “café” a rouvert.") || !strings.Contains(text, "Le café du port") {
		t.Errorf("pasted.html reads:\n%s", text)
	}
}
