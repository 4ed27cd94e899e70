package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuoteSourceShown: a quote the article attributes to a document ("the
// lawsuit states") has no speaker, and was shown as "no attribution",
// losing where the words are from. It is shown as its source, in text and
// JSON, and never as a speaker.
func TestQuoteSourceShown(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "suit")
	writeFilesIn(t, dir, map[string]string{
		"a.txt": "Party sues campaign\n\nThe party filed a lawsuit on Friday against the campaign.\n\n\"The campaign welcomed the help of a hostile foreign power at every turn,\" the lawsuit states.\n",
		"b.txt": "Campaign sued by party\n\nThe party went to court on Friday.\n\nThe suit says the campaign \"welcomed the help of a hostile foreign power at every turn,\" and asks for damages.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("quotes", dir); code != 0 {
		t.Fatalf("quotes: exit %d: %s", code, le.errb)
	}
	if out := le.out.String(); !strings.Contains(out, "(source: lawsuit, states)") {
		t.Errorf("the lawsuit's quote is not shown with its source:\n%s", out)
	}

	le = newLocalEnv(t, false, "")
	if code := le.run("quotes", "--format", "json", dir); code != 0 {
		t.Fatalf("quotes --format json: exit %d: %s", code, le.errb)
	}
	var doc struct {
		Stories []struct {
			Groups []struct {
				Quotes []struct {
					ID, Speaker, Verb, Source string
				}
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range doc.Stories {
		for _, g := range s.Groups {
			for _, q := range g.Quotes {
				if q.ID == "a" {
					found = true
					if q.Speaker != "" || q.Source != "lawsuit" || q.Verb != "states" {
						t.Errorf("a's quote: speaker %q, source %q, verb %q; want no speaker, source lawsuit, verb states", q.Speaker, q.Source, q.Verb)
					}
				}
			}
		}
	}
	if !found {
		t.Errorf("a's quote is missing from the JSON: %s", le.out.String())
	}
}
