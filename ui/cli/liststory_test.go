package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// twoStoriesDir writes a folder of two stories that each hold a
// 01_nytimes and a 02_wapo, as a folder of stories from one set of
// outlets does, and returns it.
func twoStoriesDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "bridge-vote"), map[string]string{
		"01_nytimes.txt": "Bridge vote\n\nThe council voted to close the old bridge on Monday, said the mayor of the town after a long meeting.\n",
		"02_wapo.txt":    "Council closes bridge\n\nThe town council voted on Monday to close the old bridge, the mayor said after a long meeting.\n",
	})
	writeFilesIn(t, filepath.Join(dir, "gop-aide"), map[string]string{
		"01_nytimes.txt": "GOP aide quits\n\nA senior Republican aide resigned on Monday after criticism of remarks about the president's daughters, officials said.\n",
		"02_wapo.txt":    "GOP aide resigns\n\nA senior Republican aide resigned Monday after her remarks about the president's daughters drew criticism, officials said.\n",
	})
	return dir
}

// TestListStory checks that list --story lists the one story it names,
// by number or part of its name, under the number it has in the whole
// listing, as the story commands take it: list had no --story.
func TestListStory(t *testing.T) {
	dir := twoStoriesDir(t)
	for _, tt := range []struct {
		story, want string
	}{
		{"2", "# 2 · gop-aide\n"},
		{"gop", "# 2 · gop-aide\n"},
		{"VOTE", "# 1 · bridge-vote\n"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run("list", dir, "--story", tt.story); code != 0 {
			t.Fatalf("list --story %s: exit %d: %s", tt.story, code, le.errb)
		}
		out := le.out.String()
		if !strings.HasPrefix(out, tt.want) || strings.Count(out, "# ") != 1 || strings.Count(out, "\n01_nytimes ") != 1 {
			t.Errorf("list --story %s:\n%s\nwant one story, headed %q", tt.story, out, tt.want)
		}
	}

	le := newLocalEnv(t, false, "")
	if code := le.run("list", dir, "--story", "gop", "--format", "json"); code != 0 {
		t.Fatalf("list --story gop --format json: exit %d: %s", code, le.errb)
	}
	var doc listDoc
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 2 || doc.Articles[0].Story != "gop-aide" || doc.Articles[1].Story != "gop-aide" {
		t.Errorf("list --story gop --format json: %+v, want the two articles of gop-aide", doc.Articles)
	}

	for _, tt := range []struct{ story, want string }{
		{"zzz", `no story named "zzz"`},
		{"3", "no story 3 (there are 2)"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run("list", dir, "--story", tt.story); code != 1 || !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("list --story %s: exit %d, %q; want 1 and %q", tt.story, code, le.errb, tt.want)
		}
	}

	// The built-in story, as a corpus in memory is listed: under its
	// number too, which it lacked, being the only story.
	le = newLocalEnv(t, false, "")
	if code := le.run("list", "--story", "seeds"); code != 0 || !strings.HasPrefix(le.out.String(), "# 1 · seeds\n") || !strings.Contains(le.out.String(), "Swell Digest") {
		t.Errorf("list --story seeds: exit %d: %s%s", code, le.out, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("list", "--story", "2"); code != 1 || !strings.Contains(le.errb.String(), "no story 2 (there is 1)") {
		t.Errorf("list --story 2 on the built-in story: exit %d, %q", code, le.errb)
	}
}

// TestDiffStory checks that diff --dir --story looks A and B up in that
// story alone, so that an id every story has names one article: without
// it, "01_nytimes" was ambiguous and there was no way but STORY/ID.
func TestDiffStory(t *testing.T) {
	dir := twoStoriesDir(t)
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--dir", dir, "01_nytimes", "02_wapo"); code != 1 || !strings.Contains(le.errb.String(), "ambiguous") {
		t.Fatalf("diff without --story: exit %d, %q; want the id ambiguous", code, le.errb)
	}
	for _, story := range []string{"gop", "2"} {
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", "--dir", dir, "--story", story, "01_nytimes", "02_wapo", "--format", "plain"); code != 0 {
			t.Fatalf("diff --story %s: exit %d: %s", story, code, le.errb)
		}
		if first, _, _ := strings.Cut(le.out.String(), "\n"); first != "--- 01_nytimes · GOP aide quits" {
			t.Errorf("diff --story %s compared %q, want gop-aide's 01_nytimes", story, first)
		}
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--dir", dir, "--story", "gop", "01_nytimes", "nope"); code != 1 || !strings.Contains(le.errb.String(), `no article with id or outlet "nope" in story "gop"`) {
		t.Errorf("diff --story gop 01_nytimes nope: exit %d, %q", code, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--dir", dir, "--story", "zzz", "01_nytimes", "02_wapo"); code != 1 || !strings.Contains(le.errb.String(), `no story named "zzz"`) {
		t.Errorf("diff --story zzz: exit %d, %q", code, le.errb)
	}

	// The built-in story: --story picks it, and a story it lacks is said.
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--story", "seeds", "swell", "al jaz", "--format", "plain"); code != 0 {
		t.Errorf("diff --story seeds swell \"al jaz\": exit %d: %s", code, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--story", "2", "swell", "al jaz"); code != 1 || !strings.Contains(le.errb.String(), "no story 2") {
		t.Errorf("diff --story 2 on the built-in story: exit %d, %q", code, le.errb)
	}
}

// TestCompleteListDiffStory checks that list's and diff's --story
// complete as the story commands' do, and that diff's articles complete
// within the story --story names.
func TestCompleteListDiffStory(t *testing.T) {
	for _, cmd := range []string{"list", "diff"} {
		if got := completions(t, cmd, "--story", ""); strings.Join(got, "|") != "1\tseeds" {
			t.Errorf("%s --story <tab> on the built-in story: %q, want story 1 described by its name", cmd, got)
		}
	}
	dir := twoStoriesDir(t)
	if le := newLocalEnv(t, false, ""); le.run("index", dir) != 0 {
		t.Fatalf("index: %s", le.errb)
	}
	if got := completions(t, "list", dir, "--story", "g"); strings.Join(got, "|") != "gop-aide\t2" {
		t.Errorf("list DIR --story g<tab>: %q, want gop-aide", got)
	}
	if got := completions(t, "diff", "--dir", dir, "--story", "gop", "01"); strings.Join(got, "|") != "01_nytimes\t01_nytimes" {
		t.Errorf("diff --dir DIR --story gop 01<tab>: %q, want the one 01_nytimes of the story", got)
	}
}

// TestDiffStoryOfTheOtherSide is a regression test: in a folder of
// stories, "diff gop-aide/01_nytimes 02_wapo" was refused, 02_wapo being
// in both stories, where the first name says which story is meant. A name
// several stories have is looked up in the story of the other side when
// that one names a single article; two such names are still ambiguous.
func TestDiffStoryOfTheOtherSide(t *testing.T) {
	dir := twoStoriesDir(t)
	for _, tt := range []struct {
		a, b, first string
	}{
		{"gop-aide/01_nytimes", "02_wapo", "--- 01_nytimes · GOP aide quits"},
		{"02_wapo", "gop-aide/01_nytimes", "--- 02_wapo · GOP aide resigns"},
		{"bridge-vote/02_wapo", "01_nytimes", "--- 02_wapo · Council closes bridge"},
		{"01_nytimes", "bridge-vote/02_wapo", "--- 01_nytimes · Bridge vote"},
	} {
		// The first run builds the index, the second finds the names in it.
		for run := range 2 {
			le := newLocalEnv(t, false, "")
			if code := le.run("diff", "--dir", dir, tt.a, tt.b, "--format", "plain"); code != 0 {
				t.Errorf("run %d: diff %s %s: exit %d: %s", run, tt.a, tt.b, code, le.errb)
				continue
			}
			if first, _, _ := strings.Cut(le.out.String(), "\n"); first != tt.first {
				t.Errorf("run %d: diff %s %s compared %q, want %q", run, tt.a, tt.b, first, tt.first)
			}
		}
	}
}

// TestCompleteTheOtherSidesStory checks that diff's second article, after
// a first named as STORY/ID, completes to the bare ids of that story that
// other stories have too, as diff takes them (TestDiffStoryOfTheOtherSide):
// they were offered as STORY/ID alone, and "02<tab>" inserted nothing.
func TestCompleteTheOtherSidesStory(t *testing.T) {
	dir := twoStoriesDir(t)
	if le := newLocalEnv(t, false, ""); le.run("index", dir) != 0 {
		t.Fatalf("index: %s", le.errb)
	}
	for _, first := range []string{"gop-aide/01_nytimes", "gop-aide/01_nytimes.txt"} {
		got := completions(t, "diff", "--dir", dir, first, "02")
		if !slices.Contains(got, "02_wapo\t02_wapo") {
			t.Errorf("diff --dir DIR %s 02<tab>: %q, want 02_wapo bare", first, got)
		}
	}
	// A first article that names no story leaves the id several stories
	// have to be named with its story.
	if got := completions(t, "diff", "--dir", dir, "01_nytimes", "02"); slices.Contains(got, "02_wapo\t02_wapo") {
		t.Errorf("diff --dir DIR 01_nytimes 02<tab>: %q, want no bare 02_wapo", got)
	}
}
