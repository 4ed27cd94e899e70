package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"github.com/charmbracelet/lipgloss"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

func seedComparison(t *testing.T) *compare.Comparison {
	t.Helper()
	c, err := compare.Compare(context.Background(), article(t, "Al Jazeera"), article(t, "TRT World"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testPage writes a small page naming both outlets and marking each op, as
// the commands' HTML writer does at length (its own tests cover its page).
func testPage(w io.Writer, c *compare.Comparison) error {
	_, err := fmt.Fprintf(w, "<!doctype html><p>%s <del>-</del> <ins>+</ins> %s</p>\n", c.Left.Outlet, c.Right.Outlet)
	return err
}

func TestExportHTML(t *testing.T) {
	c := seedComparison(t)
	dir := t.TempDir()
	msg, ok := exportHTML(dir, c, testPage)().(exportedMsg)
	if !ok || msg.err != nil {
		t.Fatalf("export: %+v", msg)
	}
	if filepath.Dir(msg.path) != dir || !strings.HasSuffix(msg.path, ".html") {
		t.Errorf("exported to %q, want a .html file in %q", msg.path, dir)
	}
	page, err := os.ReadFile(msg.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!doctype html>", "<del", "<ins", "Al Jazeera", "TRT World"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(msg.String(), "\x1b") || !strings.Contains(msg.String(), filepath.Base(msg.path)) {
		t.Errorf("status %q", msg.String())
	}
	// An unwritable directory is a message, not a crash.
	bad, _ := exportHTML(filepath.Join(dir, "no", "such", "dir"), c, testPage)().(exportedMsg)
	if bad.err == nil || !strings.HasPrefix(bad.String(), "export failed: ") {
		t.Errorf("export to a missing directory: %+v", bad)
	}
}

func TestFileSafe(t *testing.T) {
	for in, want := range map[string]string{
		"003_95bcf1536ed6ca96": "003_95bcf1536ed6ca96",
		"../../etc/passwd":     "etcpasswd",
		".hidden":              "hidden",
		"\x1b[31mred":          "31mred",
		"":                     "article",
		"日本":                   "article",
	} {
		if got := fileSafe(in); got != want {
			t.Errorf("fileSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCopyPassage checks that a passage pair is copied as text with both
// sides, through an OSC 52 sequence on the renderer's output.
func TestCopyPassage(t *testing.T) {
	c := seedComparison(t)
	bi := -1
	for i, b := range c.Blocks {
		if b.Kind == compare.Aligned && i > 0 {
			bi = i
			break
		}
	}
	text := passageText(c, bi)
	if !strings.Contains(text, "Al Jazeera ¶") || !strings.Contains(text, "TRT World ¶") {
		t.Errorf("passage text %q lacks either side", text)
	}
	var out bytes.Buffer
	msg := copyText(termenv.NewOutput(&out), text, "passage")()
	if _, ok := msg.(copiedMsg); !ok {
		t.Errorf("copy returned %T", msg)
	}
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)); !strings.Contains(out.String(), want) {
		t.Errorf("output %q lacks the OSC 52 sequence %q", out.String(), want)
	}
}

func TestHyperlink(t *testing.T) {
	tests := []struct {
		link, want string
	}{
		{"https://example.org/story?id=1", "\x1b]8;;https://example.org/story?id=1\x1b\\Outlet\x1b]8;;\x1b\\"},
		{"javascript:alert(1)", "Outlet"},
		{"https://example.org/\x1b\\\x1b[31m", "Outlet"}, // an escape would end the sequence
		{"https://exa mple.org", "Outlet"},
		{"", "Outlet"},
	}
	for _, tt := range tests {
		if got := hyperlink(true, tt.link, "Outlet"); got != tt.want {
			t.Errorf("hyperlink(%q) = %q, want %q", tt.link, got, tt.want)
		}
	}
	if got := hyperlink(false, "https://example.org", "Outlet"); got != "Outlet" {
		t.Errorf("hyperlinks off: %q", got)
	}
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	if !SupportsHyperlinks(env("TERM_PROGRAM", "WezTerm")) || !SupportsHyperlinks(env("VTE_VERSION", "6003")) ||
		SupportsHyperlinks(env("TERM", "xterm")) || SupportsHyperlinks(env("VTE_VERSION", "4800")) {
		t.Errorf("SupportsHyperlinks misjudges a terminal")
	}
}

// TestExportAndCopyKeys drives e and y in the reader: e writes the page
// with Options.WriteHTML into the folder the reader was started in and
// names it in the status line (and refuses
// where there is none); y copies the passage pair through the session's
// terminal.
func TestExportAndCopyKeys(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	r := lipgloss.NewRenderer(&out)
	r.SetColorProfile(termenv.Ascii)
	t.Chdir(dir)
	m := newModelOpts(t, seed(t), 120, 40, Options{Renderer: r, WriteHTML: testPage})
	m = press(m, "e")
	status := screenLines(m)[38]
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) != 1 || !strings.Contains(status, "exported to newsdiff-swell-digest-vs-hacked.com.html") {
		t.Errorf("e: files %q, status %q", files, status)
	}
	m = press(m, "n", "y")
	if !strings.Contains(out.String(), "\x1b]52;c;") || !strings.Contains(screen(m), "copied the passage pair to the clipboard") {
		t.Errorf("y: output %q, screen:\n%s", out.String(), screen(m))
	}
	m = newModel(t, seed(t), 120, 40)
	m = press(m, "e")
	if s := screen(m); !strings.Contains(s, "export is off here") {
		t.Errorf("e without an export folder:\n%s", s)
	}
}

// TestExportKeepsEarlierFiles checks that an export never replaces a file:
// another page under the export's name (the same two outlets in another
// story, or the user's own file) was overwritten without a word. The same
// page exported again is named, not copied.
func TestExportKeepsEarlierFiles(t *testing.T) {
	c := seedComparison(t)
	dir := t.TempDir()
	name := exportName(c)
	theirs := []byte("<!doctype html><p>a page of the user's own</p>\n")
	if err := os.WriteFile(filepath.Join(dir, name), theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	first, _ := exportHTML(dir, c, testPage)().(exportedMsg)
	if first.err != nil {
		t.Fatalf("export: %v", first.err)
	}
	stem := strings.TrimSuffix(name, ".html")
	if want := filepath.Join(dir, stem+"-2.html"); first.path != want {
		t.Errorf("exported to %q, want %q", first.path, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(got, theirs) {
		t.Errorf("the file already there now holds %q", got)
	}
	again, _ := exportHTML(dir, c, testPage)().(exportedMsg)
	if again.err != nil || again.path != first.path {
		t.Errorf("the same page exported again: %+v, want it named as %q", again, first.path)
	}
	other := func(w io.Writer, c *compare.Comparison) error {
		_, err := fmt.Fprintf(w, "<!doctype html><p>%s, another story</p>\n", c.Left.Outlet)
		return err
	}
	third, _ := exportHTML(dir, c, other)().(exportedMsg)
	if want := filepath.Join(dir, stem+"-3.html"); third.err != nil || third.path != want {
		t.Errorf("another page of the same name: %+v, want %q", third, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files in the folder, want 3", len(entries))
	}
}

// TestHelpOffersExportOnlyWhereItWorks checks that the help lists e only
// where export is on: over SSH (no Options.WriteHTML) it offered "save
// the comparison as an HTML page" for a key that only says export is off.
// Pressed there, in the comparison or in another view, e still says so.
func TestHelpOffersExportOnlyWhereItWorks(t *testing.T) {
	const offer = "save the comparison as an HTML page"
	helpText := func(m Model) string {
		m = press(m, "?")
		if !m.showHelp {
			t.Fatalf("? did not open the help")
		}
		return ansi.Strip(strings.Join(m.helpLines, "\n"))
	}
	on := newModelOpts(t, seed(t), 120, 40, Options{Renderer: renderer(termenv.Ascii), WriteHTML: testPage})
	if !strings.Contains(helpText(on), offer) {
		t.Errorf("with export on, the help does not offer e:\n%s", helpText(on))
	}
	if h := helpText(newModel(t, seed(t), 120, 40)); strings.Contains(h, offer) || !strings.Contains(h, "copy the passage pair") {
		t.Errorf("with export off, the help offers e (or lost its other keys):\n%s", h)
	}
	for _, keys := range [][]string{{"e"}, {"3", "e"}, {"4", "e"}} {
		if s := screen(press(newModel(t, seed(t), 120, 40), keys...)); !strings.Contains(s, "export is off here: this reader writes no files") {
			t.Errorf("with export off, %q does not say it is off:\n%s", keys, s)
		}
	}
}

// TestExportNameOfOutlets is a regression test: an outlet's letters with
// accents were dropped from the page's name ("Süddeutsche Zeitung" as
// "sddeutsche-zeitung"), and what a file name does not keep left its
// dashes behind ("newsdiff-eviloutlet-vs--very-wide-.html" for "中文新闻
// Very Wide 🎉", "the-times--london" for "The Times — London").
func TestExportNameOfOutlets(t *testing.T) {
	c := seedComparison(t)
	for in, want := range map[string]string{
		"Swell Digest":             "swell-digest",
		"Hacked.com":               "hacked.com",
		"Al  Jazeera":              "al-jazeera",
		"Süddeutsche Zeitung":      "suddeutsche-zeitung",
		"Público":                  "publico",
		"The Times — London":       "the-times-london",
		"中文新闻 Very Wide 🎉":         "very-wide",
		"-Dashing- News-":          "dashing-news",
		"\x1b[31mRed Outlet":       "31mred-outlet",
		".hidden outlet":           "hidden-outlet",
		"../../etc/passwd":         "etc-passwd",
		strings.Repeat("abc ", 30): strings.TrimSuffix(strings.Repeat("abc-", 10), "-"),
	} {
		left := *c.Left
		left.Outlet = in
		pair := *c
		pair.Left = &left
		if got, want := exportName(&pair), "newsdiff-"+want+"-vs-trt-world.html"; got != want {
			t.Errorf("%q: exported as %q, want %q", in, got, want)
		}
	}
}

// TestExportNameOfStandardInput is a regression test: an article read
// from standard input, named "-" and of no outlet, named the page
// "newsdiff---vs-001_9395587074693dba.html". It is "stdin" there.
func TestExportNameOfStandardInput(t *testing.T) {
	c := seedComparison(t)
	left := *c.Left
	left.ID, left.Outlet = "-", "-"
	pair := *c
	pair.Left = &left
	if got, want := exportName(&pair), "newsdiff-stdin-vs-"+c.Right.ID+".html"; got != want {
		t.Errorf("exported as %q, want %q", got, want)
	}
}
