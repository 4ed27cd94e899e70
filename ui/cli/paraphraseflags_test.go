package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestParaphraseFlagsAreTheFacts checks that the facts a paraphrase pair
// flags as given differently {!…!} are those `facts` lists: the pair view
// flagged "resigned Monday" against "had to apologize Saturday", two acts
// of the story that `facts` rightly does not count as one day given two
// ways, and an age (29) against a count of boys (two).
func TestParaphraseFlagsAreTheFacts(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"a.txt": "Council Aide Quits Over Post Mocking Mayor's Sons\n\n" +
			"RIVERTON — A young Democratic council aide resigned Monday after her Twitter post mocking Mayor Hale's sons for their manners and clothes at the annual harvest parade became a sensation online.\n\n" +
			"On Friday, the aide, Dana Voss, 29, wrote an open message to the two boys on her Twitter page, telling them to \"show a little grace\" and \"dress like you mean it.\"\n\n" +
			"Voss deleted the post on Sunday and apologized to the family, saying she had judged the boys too quickly.\n",
		"b.txt": "Aide to council member apologizes for Twitter post about mayor's sons\n\n" +
			"The press secretary for a Democratic member of the council had to apologize Saturday for a Twitter post critical of the mayor's sons during Mayor Tom Hale's parade speech earlier this week.\n\n" +
			"Dana Voss wrote in a now-deleted Twitter post Friday that the two boys should \"show a little grace\" and described their clothes as fit for \"a night at the club.\"\n\n" +
			"By Monday the post was gone, and Voss told the Hale family she was sorry for judging the boys so harshly.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); code != 0 {
		t.Fatalf("diff: exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if n := len(regexp.MustCompile(`(?m)^@@ aligned .* paraphrase @@\n< `).FindAllString(out, -1)); n != 3 {
		t.Fatalf("%d paraphrase pairs shown apart, want 3:\n%s", n, out)
	}
	var flagged []string
	for _, m := range regexp.MustCompile(`\{!(.*?)!\}`).FindAllStringSubmatch(out, -1) {
		flagged = append(flagged, m[1])
	}

	le = newLocalEnv(t, false, "")
	if code := le.run("facts", "--format", "json", dir); code != 0 {
		t.Fatalf("facts: exit %d: %s", code, le.errb)
	}
	var facts struct {
		Stories []struct {
			Facts []struct {
				Mentions []struct{ Value string }
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &facts); err != nil {
		t.Fatal(err)
	}
	var counted []string
	for _, s := range facts.Stories {
		for _, f := range s.Facts {
			for _, m := range f.Mentions {
				counted = append(counted, m.Value)
			}
		}
	}
	slices.Sort(flagged)
	slices.Sort(counted)
	if want := []string{"Monday", "Sunday"}; !slices.Equal(counted, want) {
		t.Fatalf("facts lists %q, want %q", counted, want)
	}
	if !slices.Equal(flagged, counted) {
		t.Errorf("diff flags %q, facts lists %q:\n%s", flagged, counted, out)
	}
}
