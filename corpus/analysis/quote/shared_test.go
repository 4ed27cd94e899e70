package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestSharedStorySpeakers checks the speakers of quotes of the shared
// stories that attribution once left to a pronoun, cut short or gave to
// the wrong phrase: each quote, found by a few of its words, has the
// speaker (or, naming no one, the source) that its text gives.
func TestSharedStorySpeakers(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpora", "stories")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not present at %s; skipping", dir)
	}
	tests := []struct {
		file, words, speaker, source string
	}{
		// Pronouns: someone unnamed, an absolute clause, people listed,
		// a document opening the sentence before, "according to".
		{"2013-02-21-las-vegas-strip-shooting/03_unattributed.txt", "get my gambling in", "one person", ""},
		{"2016-07-11-ruth-bader-ginsburg-criticizes-trump/02_foxnews.txt", "the record is quite clear", "Bernie Sanders", ""},
		{"2018-04-19-comey-memos-released-to-congress/04_foxnews.txt", "show the President made clear", "Bob Goodlatte, Trey Gowdy and Devin Nunes", ""},
		{"2018-04-20-north-korea-suspends-nuclear-and-missile-tests/02_nytimes.txt", "shut down a nuclear test site", "", "arms announcement from North Korea"},
		{"2019-01-18-mueller-office-disputes-buzzfeed-report-on-cohen/01_nytimes.txt", "used his power and influence", "federal prosecutors in New York", ""},
		// Speaker phrases: whole, an organisation's noun, an appositive
		// without its closing comma, a party-and-state tag.
		{"2018-01-17-koreas-to-march-under-one-flag-at-olympics/03_unattributed.txt", "The detente on the Korean peninsula", "North Korea's Rodong Sinmun newspaper", ""},
		{"2018-01-17-koreas-to-march-under-one-flag-at-olympics/02_reuters.txt", "gluing a broken plate", "one of the signers", ""},
		{"2018-04-20-north-korea-suspends-nuclear-and-missile-tests/03_usatoday.txt", "the North will shut down", "Korean Central News Agency", ""},
		{"2018-04-26-trump-to-visit-uk-in-july/01_huffpost.txt", "scaled-down protests", "Jo Swinson", ""},
		{"2016-07-11-ruth-bader-ginsburg-criticizes-trump/02_foxnews.txt", "We all know that the justices", "Chris Murphy", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.words, func(t *testing.T) {
			a, _, err := corpus.LoadFile(filepath.Join(dir, filepath.FromSlash(tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range Extract(a) {
				if !strings.Contains(q.Text(), tt.words) {
					continue
				}
				if q.Speaker != tt.speaker || q.Source != tt.source {
					t.Errorf("speaker %q, source %q; want %q, %q", q.Speaker, q.Source, tt.speaker, tt.source)
				}
				return
			}
			t.Fatalf("no quote holds %q", tt.words)
		})
	}
}
