package cli

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
)

// TestAttributionLabel is a regression test: a quote with no speaker and
// no source but a hedge ("The lawsuit alleged that Trump's campaign
// "gleefully welcomed Russia's help"", the 2018 DNC lawsuit story) was
// labelled "(; alleged)", the hedge after an empty speaker; it says "no
// attribution" first, as a quote without the hedge does.
func TestAttributionLabel(t *testing.T) {
	tests := []struct {
		q    quote.Quote
		want string
	}{
		{quote.Quote{Speaker: "Trump", Verb: "said"}, "Trump, said"},
		{quote.Quote{Speaker: "Obama", Verb: "adding", Hedges: []string{"accused"}}, "Obama, adding; accused"},
		{quote.Quote{Source: "lawsuit", Verb: "states"}, "source: lawsuit, states"},
		{quote.Quote{}, "no attribution"},
		{quote.Quote{Hedges: []string{"alleged"}}, "no attribution; alleged"},
		{quote.Quote{Verb: "said"}, "no attribution, said"},
	}
	for _, tt := range tests {
		if got := attribution(tt.q); got != tt.want {
			t.Errorf("attribution(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
	le := newLocalEnv(t, false, "")
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"a.txt": "Party sues campaign\n\nThe lawsuit alleged that Trump's campaign \"gleefully welcomed Russia's help\" in the 2016 election.\n",
	})
	if code := le.run("quotes", dir, "--format", "plain"); code != 0 {
		t.Fatalf("quotes: exit %d: %s", code, le.errb)
	}
	if out := le.out.String(); strings.Contains(out, "(;") || strings.Contains(out, "(,") {
		t.Errorf("a label opens with a separator:\n%s", out)
	}
}
