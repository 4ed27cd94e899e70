package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestQuotesSummary is a regression test: quotes counted one quotation as
// "1 quotation, 1 of them carried by two or more outlets" and a story
// with none as "0 quotations, 0 of them carried by two or more outlets".
func TestQuotesSummary(t *testing.T) {
	for _, tt := range []struct {
		n, shared int
		want      string
	}{
		{0, 0, "0 quotations"},
		{1, 0, "1 quotation, carried by one outlet"},
		{1, 1, "1 quotation, carried by two or more outlets"},
		{2, 0, "2 quotations, none of them carried by two or more outlets"},
		{19, 5, "19 quotations, 5 of them carried by two or more outlets"},
		{1200, 1000, "1,200 quotations, 1,000 of them carried by two or more outlets"},
	} {
		if got := quotesSummary(tt.n, tt.shared); got != tt.want {
			t.Errorf("quotesSummary(%d, %d) = %q, want %q", tt.n, tt.shared, got, tt.want)
		}
	}
}

// TestQuotesWithoutQuotations is a regression test: a story with no
// quotation had its "0 quotations" followed by the key to the wordings
// of quotations it does not have.
func TestQuotesWithoutQuotations(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fire")
	writeFilesIn(t, dir, map[string]string{
		"a.txt": "Fire in the valley\n\nThe fire spread through the valley overnight and destroyed forty homes near the river.\n",
		"b.txt": "Valley fire\n\nThe fire spread through the valley overnight and destroyed forty homes near the river.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("quotes", dir, "--format", "plain"); code != 0 {
		t.Fatalf("quotes: exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if !strings.Contains(out, "\n0 quotations\n") || strings.Contains(out, "wording") {
		t.Errorf("quotes of a story without quotations:\n%s", out)
	}
}
