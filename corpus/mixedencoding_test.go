package corpus_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLoadPageMixedEncodings is a regression test: a saved page whose
// bytes mix UTF-8 with windows-1252 loaded without a word, its stray bytes
// read as U+FFFD; then, declaring UTF-8, with a warning and the U+FFFD.
// Each stray byte is now read as windows-1252, as a text file's are, with
// one warning naming the file and saying how many, as a text file's says;
// a byte with no meaning in windows-1252 is still replaced, and said. A
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
		// A byte with no meaning in windows-1252 either.
		"meaningless.html": page(strings.Repeat(para, 4) + "<p>Un octet \x9d perdu dans la page.</p>"),
		"clean.html":       page(strings.Repeat(para, 5)),
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
		filepath.Join(dir, "meaningless.html") + ": 1 byte was not valid UTF-8 and was replaced",
		filepath.Join(dir, "mixed.html") + ": mixes UTF-8 and windows-1252; 3 characters were read as windows-1252",
		filepath.Join(dir, "pasted.html") + ": mixes UTF-8 and windows-1252; 3 characters were read as UTF-8",
		filepath.Join(dir, "stray.html") + ": mixes UTF-8 and windows-1252; 1 character was read as windows-1252",
		filepath.Join(dir, "undeclared.html") + ": mixes UTF-8 and windows-1252; 4 characters were read as windows-1252",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The folder's articles read so.
	for name, has := range map[string]string{
		"mixed.html":       "Le prix a monté de 5€ par semaine, «merci» dit la patronne.",
		"stray.html":       "Un octet égaré dans la page.",
		"meaningless.html": "Un octet \ufffd perdu dans la page.",
		"undeclared.html":  "La patronne a dit “déjà”.",
	} {
		i := slices.IndexFunc(c.Articles(), func(a *corpus.Article) bool { return a.Source == filepath.Join(dir, name) })
		if i < 0 {
			t.Errorf("%s: not loaded", name)
		} else if a := c.Articles()[i]; !strings.Contains(a.Text(a.Body), has) {
			t.Errorf("%s reads:\n%s\nwant %q in it", name, a.Text(a.Body), has)
		}
	}
	// LoadFile, which the archive and the commands use, says it too.
	mixedNote := filepath.Join(dir, "mixed.html") + ": mixes UTF-8 and windows-1252; 3 characters were read as windows-1252"
	if a, probs, err := corpus.LoadFile(filepath.Join(dir, "mixed.html")); err != nil || len(probs) != 1 || probs[0].Error() != mixedNote {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, mixedNote)
	} else if text := a.Text(a.Body); !strings.Contains(text, "5€ par semaine, «merci»") {
		t.Errorf("mixed.html reads:\n%s", text)
	}
	undeclaredNote := filepath.Join(dir, "undeclared.html") + ": mixes UTF-8 and windows-1252; 4 characters were read as windows-1252"
	if a, probs, err := corpus.LoadFile(filepath.Join(dir, "undeclared.html")); err != nil || len(probs) != 1 || probs[0].Error() != undeclaredNote {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, undeclaredNote)
	} else if text := a.Text(a.Body); !strings.Contains(text, "La patronne a dit “déjà”.") {
		t.Errorf("undeclared.html reads:\n%s", text)
	}
	pastedNote := filepath.Join(dir, "pasted.html") + ": mixes UTF-8 and windows-1252; 3 characters were read as UTF-8"
	a, probs, err := corpus.LoadFile(filepath.Join(dir, "pasted.html"))
	if err != nil || len(probs) != 1 || probs[0].Error() != pastedNote {
		t.Errorf("LoadFile: %v, %v; want %q", err, probs, pastedNote)
	} else if text := a.Text(a.Body); !strings.Contains(text, "Le “café” a rouvert.") || !strings.Contains(text, "Le café du port") {
		t.Errorf("pasted.html reads:\n%s", text)
	}
}
