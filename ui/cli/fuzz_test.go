package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// maxFuzzText bounds each fuzzed article so that every execution is fast:
// the writers are under test here, not the comparison's worst case.
const maxFuzzText = 2 << 10

// fuzzSeeds are texts with the runes writeJSON must escape.
var fuzzSeeds = []string{
	"Title\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
	"Evil \u202etitle\u202c\n\nThe \u009b31mred\u009b0m text and \u2066isolated\u2069 words \x7f said “Mr Smith\u0085” today.\n",
	"T\n\n“We will open the bridge\u009d0;x\a to everyone in spring,” said Mayor Sm\u200fith. It cost \u00809 million.\n",
	"",
	"\xff\xfe\x00bad bytes \xc2\x9b",
}

// checkJSON decodes out, fails on raw unsafe runes, and returns the
// decoded document.
func checkJSON(t *testing.T, out []byte) any {
	t.Helper()
	if bad := jsonUnsafeRunes(out); len(bad) > 0 {
		t.Fatalf("raw %q in %q", bad, out)
	}
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%q", err, out)
	}
	return doc
}

// checkTerminal fails unless out, text written for a terminal, holds no
// control but line feeds and tabs and no escape sequence but SGR styling
// (CSI … m): nothing an article says may act on the terminal.
func checkTerminal(t *testing.T, format string, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Fatalf("%s: invalid UTF-8 in %q", format, out)
	}
	s := string(out)
	for i := 0; i < len(s); {
		if n := sgrLen(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || corpus.IsControlRune(r)) {
			t.Fatalf("%s: control %U at byte %d of %q", format, r, i, s)
		}
		i += size
	}
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// checkStringsFrom checks that every decoded string holding an unsafe rune
// is part of one of the texts: escaping kept the rune.
func checkStringsFrom(t *testing.T, doc any, texts ...string) {
	t.Helper()
	walkStrings(doc, func(s string) {
		if len(jsonUnsafeRunes([]byte(s))) == 0 {
			return
		}
		for _, text := range texts {
			if strings.Contains(text, s) {
				return
			}
		}
		t.Errorf("decoded %q is in none of the articles", s)
	})
}

func FuzzWriteJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// encoding/json replaces invalid bytes; what it gives back
			// is then not s, which is not writeJSON's concern.
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		var buf bytes.Buffer
		if err := writeJSON(&buf, map[string]string{"text": s}); err != nil {
			t.Fatal(err)
		}
		doc := checkJSON(t, buf.Bytes())
		if got := doc.(map[string]any)["text"]; got != s {
			t.Errorf("round trip: got %q, want %q", got, s)
		}
	})
}

func FuzzDiffJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[1])
	}
	f.Fuzz(func(t *testing.T, left, right string) {
		if len(left) > maxFuzzText || len(right) > maxFuzzText {
			t.Skip()
		}
		a, b := corpus.Parse("a", []byte(left)), corpus.Parse("b", []byte(right))
		c, err := compare.Compare(context.Background(), a, b)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		v := newDiffView(c, diffOptions{context: -1, withText: true})
		if err := v.writeJSON(&buf, v.differs()); err != nil {
			t.Fatal(err)
		}
		checkJSON(t, buf.Bytes())
		for format, write := range map[string]func(io.Writer, *compare.Comparison) error{"plain": WritePlain, "ansi": WriteANSI} {
			var text bytes.Buffer
			if err := write(&text, c); err != nil {
				t.Fatal(err)
			}
			checkTerminal(t, format, text.Bytes())
		}
		var doc jsonComparison
		json.Unmarshal(buf.Bytes(), &doc)
		for _, blk := range doc.Blocks {
			for _, op := range blk.Ops {
				if op.LeftText != nil && *op.LeftText != strings.ToValidUTF8(a.Text(corpus.Span{Start: op.Left[0], End: op.Left[1]}), "\uFFFD") && utf8.ValidString(left) {
					t.Errorf("left text %q is not the span's", *op.LeftText)
				}
				if op.RightText != nil && *op.RightText != b.Text(corpus.Span{Start: op.Right[0], End: op.Right[1]}) && utf8.ValidString(right) {
					t.Errorf("right text %q is not the span's", *op.RightText)
				}
			}
		}
	})
}

func FuzzListJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("Out\u009blet \u202eNews", s)
	}
	// Markdown piped in, read as a .md file is (see plainlyMarkdown).
	f.Add("Courier", "# Evil \u202etitle\u202c\n\nThe **bridge** [opened](https://x.example) \u009b31mred\u009b0m.\n\n| a | b |\n|---|---|\n| \x1b[2J | \u0085 |\n")
	f.Fuzz(func(t *testing.T, outlet, text string) {
		if len(text) > maxFuzzText {
			t.Skip()
		}
		// The article goes through the loader, front matter included, as
		// a file would.
		raw := "---\noutlet: " + strings.ReplaceAll(outlet, "\n", " ") + "\n---\n" + text
		a := &app{env: Env{Files: true, Local: &Local{Stdin: strings.NewReader(raw)}}}
		art, _, err := a.readStdin()
		if err != nil {
			return // skipped: binary, empty, …
		}
		c := &corpus.Corpus{Stories: []*corpus.Story{{Name: "story \u202e" + outlet, Articles: []*corpus.Article{art}}}}
		var buf bytes.Buffer
		if err := writeListJSON(&buf, c, nil); err != nil {
			t.Fatal(err)
		}
		got := checkJSON(t, buf.Bytes())
		entry := got.(map[string]any)["articles"].([]any)[0].(map[string]any)
		if entry["outlet"] != art.Outlet || entry["title"] != art.Title {
			t.Errorf("round trip: %v, want outlet %q title %q", entry, art.Outlet, art.Title)
		}
		if utf8.ValidString(outlet) && entry["story"] != c.Stories[0].Name {
			t.Errorf("round trip: story %q, want %q", entry["story"], c.Stories[0].Name)
		}
	})
}

// fuzzStoryWriter fuzzes one story command's writers over a story of two
// or three fuzzed articles: JSON that decodes with nothing unsafe left
// raw, and text and ANSI that hold nothing a terminal acts on.
func fuzzStoryWriter(f *testing.F, write func(w io.Writer, format string, an *analysis.Analysis) error) {
	for _, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[1], fuzzSeeds[2])
	}
	f.Fuzz(func(t *testing.T, x, y, z string) {
		if len(x) > maxFuzzText || len(y) > maxFuzzText || len(z) > maxFuzzText {
			t.Skip()
		}
		var arts []*corpus.Article
		for i, text := range []string{x, y, z} {
			if i < 2 || text != "" {
				arts = append(arts, corpus.Parse(string(rune('a'+i)), []byte(text)))
			}
		}
		an, err := analysis.Analyze(context.Background(), &corpus.Story{Name: "story", Articles: arts}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := write(&buf, "json", an); err != nil {
			t.Fatal(err)
		}
		doc := checkJSON(t, buf.Bytes())
		if utf8.ValidString(x + y + z) {
			checkStringsFrom(t, doc, x, y, z)
		}
		for _, format := range []string{"text", "ansi"} {
			var text bytes.Buffer
			if err := write(&text, format, an); err != nil {
				t.Fatal(err)
			}
			checkTerminal(t, format, text.Bytes())
		}
	})
}

func FuzzUniqueJSON(f *testing.F) { fuzzStoryWriter(f, writeUnique) }
func FuzzSharedJSON(f *testing.F) { fuzzStoryWriter(f, writeShared) }
func FuzzQuotesJSON(f *testing.F) { fuzzStoryWriter(f, writeQuotes) }
func FuzzFactsJSON(f *testing.F)  { fuzzStoryWriter(f, writeFacts) }
func FuzzMatrixJSON(f *testing.F) { fuzzStoryWriter(f, writeMatrix) }
