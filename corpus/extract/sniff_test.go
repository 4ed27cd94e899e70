package extract_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func TestLooksLikeMarkdown(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"opens on an ATX heading", "# Bridge reopens\n\nThe bridge reopened on Tuesday.\n", true},
		{"opens on a deeper heading after blank lines", "\n\n### Bridge reopens\nText.\n", true},
		{"links and strong emphasis", "The **bridge** reopened on Tuesday, [officials said](https://example.org/x).\n", true},
		{"three links", "See [one](a.html), [two](b.html \"B\") and ![a photo](p.jpg).\n", true},
		{"a heading further on and a fence", "Text first.\n\n## Later\n\n```\ncode\n```\n", true},
		{"a table", "Votes:\n\n| Party | Seats |\n|-------|------:|\n| Labour | 412 |\n\nSee **above**.\n", true},
		{"setext and a reference", "Bridge reopens\n==============\n\nSee [the council][1].\n\n[1]: https://example.org/c\n", true},
		{"CRLF lines", "# Bridge reopens\r\n\r\nText.\r\n", true},
		{"a byte order mark first", "\ufeff# Bridge reopens\n\nText.\n", true},

		{"plain news", "Bridge reopens after repairs\n\nThe bridge reopened on Tuesday, officials said.\n", false},
		{"a hashtag first", "#MeToo marches draw thousands\n\nThe marches began at noon.\n", false},
		{"an empty heading mark", "#\n\nText.\n", false},
		{"an indented hash", "    # not a heading\n\nText.\n", false},
		{"one link alone", "Read it [here](https://example.org).\n", false},
		{"one strong span alone", "**UPDATE** The bridge is open.\n", false},
		{"a word starred out", "Bristol: he called me a c**t and a slut! He called me a c**t again.\n", false},
		{"lists, quotes and single stars", "- one\n- two\n\n> quoted\n\nA *soft* word.\n", false},
		{"a rule of hyphens under a line", "Part one\n---\nPart two\n", false},
		{"brackets that are no link", "[ insane audio! ] palin family brawl ( audio! ) and [sic] (sic).\n", false},
		{"a footnote definition", "Figures rose.\n\n[^1]: Official data.\n", false},
		{"a score with a pipe", "Smith - Jones | 2-1\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extract.LooksLikeMarkdown([]byte(tt.text)); got != tt.want {
				t.Errorf("LooksLikeMarkdown(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestPlainNewsIsNotMarkdown reads every plain-text article of the shared
// corpora: none is plainly Markdown, which would lose words to the
// Markdown parser were it piped in.
func TestPlainNewsIsNotMarkdown(t *testing.T) {
	n := 0
	for _, rel := range []string{"corpora/stories", "corpora/multinews"} {
		root := testcorpus.Shared(t, rel)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
			if _, skip, err := corpus.FrontMatter(b); err == nil {
				b = b[skip:]
			}
			n++
			if extract.LooksLikeMarkdown(b) {
				t.Errorf("%s reads as Markdown", path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d articles", n)
}

func FuzzLooksLikeMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nBody with **bold** and [a link](https://x.example).\n",
		"| a | b |\n|---|:-:|\n",
		"Setext\n===\n\n[ref]: https://x.example\n",
		"```\ncode\n```\n~~~\n",
		"a c**t and a c**t __x__ **",
		"[](x) [a]( ) [a](b \"t\") ![i](p.png)",
		"\ufeff   ###### six\n####### seven\n",
		"Plain news. No markup at all.\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		got := extract.LooksLikeMarkdown(text)
		// A byte order mark, and CRLF line ends, change nothing.
		if bom := extract.LooksLikeMarkdown(append([]byte("\ufeff"), text...)); bom != got && !bytes.HasPrefix(text, []byte("\ufeff")) {
			t.Fatalf("%q: %v, with a byte order mark %v", text, got, bom)
		}
		if !bytes.Contains(text, []byte("\r")) {
			if crlf := extract.LooksLikeMarkdown(bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))); crlf != got {
				t.Fatalf("%q: %v, with CRLF line ends %v", text, got, crlf)
			}
		}
	})
}
