package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// fixtureDir holds real news pages as saved, each with the text Mozilla's
// Readability extracts from it; it is shared data, outside the repository.
const fixtureDir = "../../../shared/fixtures/html"

type fixture struct {
	name       string
	source     []byte
	goldWords  map[string]int
	wantTitle  string
	sourcePath string
}

func loadFixtures(tb testing.TB) []fixture {
	tb.Helper()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		tb.Skipf("no saved pages to measure against (%s: %v)", fixtureDir, err)
	}
	var out []fixture
	for _, e := range entries {
		dir := filepath.Join(fixtureDir, e.Name())
		src, err1 := os.ReadFile(filepath.Join(dir, "source.html"))
		gold, err2 := os.ReadFile(filepath.Join(dir, "expected.html"))
		meta, err3 := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		var m struct{ Title string }
		if err := json.Unmarshal(meta, &m); err != nil {
			tb.Fatalf("%s: %v", dir, err)
		}
		out = append(out, fixture{e.Name(), src, bagOfWords(visibleText(gold)), m.Title, filepath.Join(dir, "source.html")})
	}
	if len(out) == 0 {
		tb.Skipf("no saved pages in %s", fixtureDir)
	}
	return out
}

// visibleText is every text node outside scripts and styles, as the
// scoring script reads expected.html.
func visibleText(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg":
				return
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

func bagOfWords(s string) map[string]int {
	m := map[string]int{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		m[w]++
	}
	return m
}

// wordF1 is the F1 of the multiset of words got against gold.
func wordF1(got, gold map[string]int) float64 {
	common, nGot, nGold := 0, 0, 0
	for w, n := range got {
		common += min(n, gold[w])
		nGot += n
	}
	for _, n := range gold {
		nGold += n
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(nGot), float64(common)/float64(nGold)
	return 2 * p * r / (p + r)
}

// TestQuality holds the import to the figures the issue set, on real
// pages: mean word F1 ≥ 0.95 and no page below 0.85 against Readability's
// own extraction, every title found. The whole output counts, front
// matter included, as the scoring script counts it.
func TestQuality(t *testing.T) {
	fixtures := loadFixtures(t)
	var sum float64
	worst, titles := 1.0, 0
	for _, f := range fixtures {
		p, err := extract.HTML(context.Background(), bytes.NewReader(f.source), "", "")
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		text := string(p.Text())
		f1 := wordF1(bagOfWords(text), f.goldWords)
		t.Logf("%-14s F1 %.3f  outlet %q  date %q", f.name, f1, p.Outlet, p.Date)
		sum += f1
		worst = min(worst, f1)
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(text), " ")),
			strings.ToLower(strings.Join(strings.Fields(f.wantTitle), " "))) {
			titles++
		} else {
			t.Errorf("%s: title %q not found", f.name, f.wantTitle)
		}
	}
	mean := sum / float64(len(fixtures))
	t.Logf("mean F1 %.3f, worst %.3f, titles %d/%d", mean, worst, titles, len(fixtures))
	if mean < 0.95 || worst < 0.85 {
		t.Errorf("mean F1 %.3f (want ≥ 0.95), worst %.3f (want ≥ 0.85)", mean, worst)
	}
}

// BenchmarkHTML extracts one page in process, for each saved page (or the
// test page when the saved pages are absent).
func BenchmarkHTML(b *testing.B) {
	pages := map[string][]byte{}
	if _, err := os.Stat(fixtureDir); err == nil {
		for _, f := range loadFixtures(b) {
			pages[f.name] = f.source
		}
	} else {
		src, err := os.ReadFile(filepath.Join("testdata", "article.html"))
		if err != nil {
			b.Fatal(err)
		}
		pages["article"] = src
	}
	for name, src := range pages {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := extract.HTML(context.Background(), bytes.NewReader(src), "", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMarkdown(b *testing.B) {
	src := []byte(strings.Repeat("## A heading\n\nA paragraph with **bold**, _emphasis_ and a [link](https://x.example) that runs on for a while.\n\n- an item\n- another\n\n", 200))
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := extract.Markdown(src); err != nil {
			b.Fatal(err)
		}
	}
}
