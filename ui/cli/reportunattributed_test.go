package cli

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReportNamesAnUnattributedQuote is a regression test: the report
// headed a quote no outlet attributes with an empty speaker between its
// separators (“What efforts were made…” ·  · 2 outlets), where quotes
// says "unattributed"; the two now head it alike.
func TestReportNamesAnUnattributedQuote(t *testing.T) {
	dir := t.TempDir()
	for name, title := range map[string]string{"a.txt": "First outlet", "b.txt": "Second outlet"} {
		text := title + "\n\nThe questions include: “What efforts were made to reach out about seeking immunity or a pardon?”\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		return le.out.String()
	}
	quotes := run("quotes", dir, "--format", "plain")
	if !strings.Contains(quotes, " · unattributed · 2 outlets\n") {
		t.Fatalf("quotes gives no unattributed group of 2 outlets:\n%s", quotes)
	}
	var heads []string
	for _, m := range regexp.MustCompile(`<h3>([^<]*)</h3>`).FindAllStringSubmatch(run("report", dir), -1) {
		if h := html.UnescapeString(m[1]); strings.HasPrefix(h, "“") {
			heads = append(heads, h)
		}
	}
	if len(heads) != 1 || !strings.HasSuffix(heads[0], " · unattributed · 2 outlets") {
		t.Errorf("the report heads the quote %q, want it ending %q", heads, " · unattributed · 2 outlets")
	}
}
