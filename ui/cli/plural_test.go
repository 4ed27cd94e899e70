package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCountsAgree checks that a count of one takes the singular in the
// story commands' headings and the server's start line ("1 articles",
// "17 storys" were printed).
func TestCountsAgree(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "bridge")
	writeFilesIn(t, story, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor of the town.\n",
	})
	tests := []struct {
		cmd  string
		want string
	}{
		{"facts", "· 1 article\n"},
		{"shared", "· 1 article\n"},
		{"unique", "## a · 1 passage only it reports\n"},
		{"quotes", "· 1 article\n"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.cmd, "--format", "plain", story); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.cmd, code, le.errb)
		}
		out := le.out.String()
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: output lacks %q:\n%s", tt.cmd, tt.want, out)
		}
		for _, wrong := range []string{" 1 articles", " 1 passages", "\n1 passages", "\n1 facts", "\n1 quotations"} {
			if strings.Contains(out, wrong) {
				t.Errorf("%s: output has %q:\n%s", tt.cmd, wrong, out)
			}
		}
	}

	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := corpusSize(c), "1 story, 1 article"; got != want {
		t.Errorf("corpusSize = %q, want %q", got, want)
	}
	writeFilesIn(t, filepath.Join(dir, "budget"), map[string]string{
		"b.txt": "Budget passed\n\nThe parliament passed the budget after a long night of debate on taxes.\n",
		"c.txt": "Budget approved\n\nLawmakers approved the budget after debating taxes through the night.\n",
	})
	if c, _, err = corpus.LoadDir(dir); err != nil {
		t.Fatal(err)
	}
	if got, want := corpusSize(c), "2 stories, 3 articles"; got != want {
		t.Errorf("corpusSize = %q, want %q", got, want)
	}
}

// writeFilesIn writes files into dir, making it first.
func writeFilesIn(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestUsageCountsAgree checks the argument counts of usage errors: "got 1
// arguments" was printed for a diff of one article.
func TestUsageCountsAgree(t *testing.T) {
	for _, args := range [][]string{{"diff", "swell"}, {"extract", "a.html", "b.html"}, {"index", "a", "b"}} {
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != ExitUsage {
			t.Fatalf("%q: exit %d", args, code)
		}
		n := len(args) - 1
		want := fmt.Sprintf("got %d arguments\n", n)
		if n == 1 {
			want = "got 1 argument\n"
		}
		if !strings.Contains(le.errb.String(), want) {
			t.Errorf("%q: stderr %q lacks %q", args, le.errb, want)
		}
	}
}

// TestDiffSummaryCountsAgree checks the word counts heading a text and an
// HTML diff: a one-word edit was summed up as "1 words deleted".
func TestDiffSummaryCountsAgree(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"old.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday.\n",
		"new.txt": "Bridge vote\n\nThe council voted to shut the bridge on Monday.\n",
	})
	for _, format := range []string{"plain", "html"} {
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", "--format", format, filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, le.errb)
		}
		out := le.out.String()
		if want := "1 word deleted, 1 inserted"; !strings.Contains(out, want) {
			t.Errorf("%s: output lacks %q:\n%s", format, want, out)
		}
		if strings.Contains(out, "1 words") {
			t.Errorf("%s: output says %q:\n%s", format, "1 words", out)
		}
	}
}

// TestReportCountsAgree checks the article count under a story's heading
// in report's page: a story of one article was "1 articles".
func TestReportCountsAgree(t *testing.T) {
	story := filepath.Join(t.TempDir(), "bridge")
	writeFilesIn(t, story, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor of the town.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("report", story); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if out := le.out.String(); !strings.Contains(out, `<p class="meta">1 article</p>`) || strings.Contains(out, "1 articles") {
		t.Errorf("the page does not say \"1 article\":\n%s", out)
	}
}

// TestIndexCountsOneArticle is a regression test: index on a folder of
// one article said "1 articles".
func TestIndexCountsOneArticle(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor of the town.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("index", dir); code != 0 {
		t.Fatalf("index: exit %d: %s", code, le.errb)
	}
	if out := le.out.String(); !strings.HasPrefix(out, "1 article; stories: 0, not grouped: 1; ") {
		t.Errorf("index of one article: %q", out)
	}
}

// TestAddCountsOneWord is a regression test: add printed "1 words" for an
// article of one word.
func TestAddCountsOneWord(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "hello.md")
	if err := os.WriteFile(page, []byte("---\ntitle: Hello\n---\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("add", filepath.Join(dir, "out"), page); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if out := le.out.String(); !strings.Contains(out, " · Hello · 1 word · ") {
		t.Errorf("add printed %q, want 1 word", out)
	}
}
