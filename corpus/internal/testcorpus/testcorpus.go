// Package testcorpus hands the tests of every corpus layer the same inputs:
// the five embedded seed articles, articles made from a string, and the
// shared research corpora beside the repository (skipping, with a message,
// when they are absent). It is for tests only and knows nothing of how the
// layers above the text model use what it returns.
package testcorpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
)

// Seeds returns the five seed articles in file order, each read whole as
// its body (the seeds have no front matter), with its file name less
// ".txt" as its ID.
func Seeds(t testing.TB) []*corpus.Article {
	t.Helper()
	names, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("want the 5 seed articles, got %d (%v)", len(names), err)
	}
	var as []*corpus.Article
	for _, name := range names {
		raw, err := fs.ReadFile(articles.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, corpus.Parse(strings.TrimSuffix(name, ".txt"), raw))
	}
	return as
}

// SeedTexts returns the raw bytes of the five seed articles in file order.
func SeedTexts() [][]byte {
	names, _ := fs.Glob(articles.FS, "*.txt")
	var texts [][]byte
	for _, name := range names {
		if b, err := fs.ReadFile(articles.FS, name); err == nil {
			texts = append(texts, b)
		}
	}
	return texts
}

// Article returns text read whole as the body of an article with the given
// ID.
func Article(id, text string) *corpus.Article {
	return corpus.Parse(id, []byte(text))
}

// Shared returns the path of rel (say "corpora/stories") inside the shared
// data directory that sits beside the repository, or skips the test with a
// message when it is absent.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := SharedPath(rel)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not present at %s; skipping", dir)
	}
	return dir
}

// SharedPath returns where rel would be in the shared data directory beside
// the repository: the repository root is the nearest directory above the
// working directory that holds go.mod.
func SharedPath(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", rel)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(d), "shared", filepath.FromSlash(rel))
		}
		if filepath.Dir(d) == d {
			return filepath.Join("..", "shared", rel)
		}
	}
}

// boundary reports whether offset i of b does not fall inside a valid
// multi-byte UTF-8 sequence (an invalid byte counts as a unit of its own).
func boundary(b []byte, i int) bool {
	if i <= 0 || i >= len(b) {
		return i == 0 || i == len(b)
	}
	for back := 1; back <= 3 && i-back >= 0; back++ {
		r, size := utf8.DecodeRune(b[i-back:])
		if size > back && r != utf8.RuneError {
			return false
		}
	}
	return true
}

// CheckSpan reports a span that lies outside raw or splits a UTF-8
// sequence.
func CheckSpan(raw []byte, s corpus.Span) error {
	if s.Start < 0 || s.End > len(raw) || s.Start > s.End {
		return fmt.Errorf("span %v outside [0,%d]", s, len(raw))
	}
	if !boundary(raw, s.Start) || !boundary(raw, s.End) {
		return fmt.Errorf("span %v splits a UTF-8 sequence", s)
	}
	return nil
}

// CheckArticle reports the first broken invariant of the segmenter: tokens
// cover the body exactly, on UTF-8 boundaries; paragraphs are in order and
// hold their sentences; sentences match their tokens.
func CheckArticle(a *corpus.Article) error {
	at := a.Body.Start
	for i, t := range a.Tokens.All() {
		if t.Start != at || t.End <= t.Start {
			return fmt.Errorf("token %d %v: want start %d, non-empty", i, t.Span, at)
		}
		if err := CheckSpan(a.Raw, t.Span); err != nil {
			return fmt.Errorf("token %d: %v", i, err)
		}
		at = t.End
	}
	if at != a.Body.End {
		return fmt.Errorf("tokens end at %d, body at %d", at, a.Body.End)
	}
	prev := a.Body.Start
	for pi, p := range a.Paragraphs {
		if p.Start < prev || p.End > a.Body.End || p.Empty() {
			return fmt.Errorf("paragraph %d %v out of order or empty", pi, p.Span)
		}
		prev = p.End
		for si := p.Sentences.Start; si < p.Sentences.End; si++ {
			s := a.Sentences[si]
			if s.Para() != pi || s.Span().Start < p.Start || s.Span().End > p.End || s.Span().Empty() {
				return fmt.Errorf("sentence %d %v not inside paragraph %d %v", si, s.Span(), pi, p.Span)
			}
			if a.Tokens.Span(s.Tokens().Start).Start != s.Span().Start || a.Tokens.Span(s.Tokens().End-1).End != s.Span().End {
				return fmt.Errorf("sentence %d span %v does not match its tokens", si, s.Span())
			}
		}
	}
	if len(a.Paragraphs) > 0 && a.Paragraphs[len(a.Paragraphs)-1].Sentences.End != len(a.Sentences) {
		return fmt.Errorf("sentences not all in paragraphs")
	}
	return nil
}

// FuzzSeeds adds the seed articles and two hostile texts (CRLF, initials
// and numbers; a byte-order mark, OSC 52, CSI, a bidi override and invalid
// bytes) to f, each alone, or with pairs each with the next.
func FuzzSeeds(f *testing.F, pairs bool) {
	texts := append(SeedTexts(),
		[]byte("T\r\n\r\nMr. Smith said \u201cyes.\u201d Then U.S. Sen. Jones left... No. 10 paid 3.5 and 30,000.\r\n"),
		[]byte("\xef\xbb\xbfTitle\n\n\x1b]52;c;aGk=\x07 text \x1b[31m red \u202e rtl \xff\xfe bad.\n"),
	)
	for i, t := range texts {
		if pairs {
			f.Add(t, texts[(i+1)%len(texts)])
		} else {
			f.Add(t)
		}
	}
}

// LinkedFolder writes a folder whose symbolic links reach files and
// folders twice, and returns it: story/a.txt and story/c.txt are links to
// story/b.txt, story/d.txt to a file named with an escape sequence, story/up loops back to the folder, away is a link to a
// folder outside it, x1.txt and x2.txt reach one file outside the folder,
// and y.txt another, once.
func LinkedFolder(t testing.TB) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "news")
	outside := filepath.Join(base, "elsewhere")
	for _, d := range []string{filepath.Join(dir, "story"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, text string) {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "story", "b.txt"), "Port reopens\n\nThe port reopened on Monday after the storm.\n")
	write(filepath.Join(dir, "story", "e\x1b[2J.txt"), "Ferry returns\n\nThe ferry returned to service on Friday.\n")
	write(filepath.Join(outside, "x.txt"), "Bridge closes\n\nThe old bridge closed for repairs on Tuesday.\n")
	write(filepath.Join(outside, "y.txt"), "Mill sold\n\nThe mill was sold to a cooperative of its workers.\n")
	for _, l := range []struct{ target, name string }{
		{"b.txt", "story/a.txt"}, // before its target in path order
		{"../story/b.txt", "story/c.txt"},
		{"e\x1b[2J.txt", "story/d.txt"}, // a name to print quoted
		{"..", "story/up"},
		{"../elsewhere", "away"},
		{"../elsewhere/x.txt", "x1.txt"},
		{"../elsewhere/x.txt", "x2.txt"},
		{"../elsewhere/y.txt", "y.txt"},
	} {
		if err := os.Symlink(l.target, filepath.Join(dir, filepath.FromSlash(l.name))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Loaded returns the articles of c by their sources' slash-separated
// paths within dir, sorted.
func Loaded(c *corpus.Corpus, dir string) []string {
	var out []string
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			rel, _ := filepath.Rel(dir, a.Source)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	slices.Sort(out)
	return out
}
