package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFactsCountByAct is a regression test: a lead with two counts of one
// noun ("Three people were killed and six were injured") gave one fact,
// "number · people", that set one outlet's killed against another's
// injured. Each count is now a fact of its own, named by its act in
// plain output ("number · people · killed") and in JSON ("act").
func TestFactsCountByAct(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "s"), map[string]string{
		"a.txt": "Crash on the highway\n\nThree people were killed and six were injured in the crash on Monday, police said.\n\nThe driver fled.\n",
		"b.txt": "Highway crash kills three\n\nSix people were injured and three were killed in the crash on Monday, police said.\n\nThe driver fled.\n",
		"c.txt": "Highway crash kills four\n\nFour people were killed and five were injured in the crash on Monday, police said.\n\nThe driver fled.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("facts", dir); code != 0 {
		t.Fatalf("facts: exit %d: %s", code, le.errb)
	}
	var heads []string
	for _, line := range strings.Split(le.out.String(), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			heads = append(heads, h)
		}
	}
	if want := []string{"number · people · killed", "number · people · injured"}; !slices.Equal(heads, want) {
		t.Errorf("facts: headings %q, want %q:\n%s", heads, want, le.out)
	}

	le = newLocalEnv(t, false, "")
	if code := le.run("facts", "--format", "json", dir); code != 0 {
		t.Fatalf("facts --format json: exit %d: %s", code, le.errb)
	}
	var doc struct {
		Stories []struct {
			Facts []struct {
				Kind, About, Act string
				Mentions         []struct{ Value string }
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Stories {
		for _, f := range s.Facts {
			var vals []string
			for _, m := range f.Mentions {
				vals = append(vals, m.Value)
			}
			got = append(got, f.Kind+" "+f.About+" "+f.Act+": "+strings.Join(vals, " "))
		}
	}
	if want := []string{"number people killed: Three three Four", "number people injured: six Six five"}; !slices.Equal(got, want) {
		t.Errorf("facts --format json: %q, want %q:\n%s", got, want, le.out)
	}
}
