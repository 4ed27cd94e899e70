package story

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
)

// TestFlatDirectoryGroupedIntoStories puts the seed story and a second,
// unrelated story of the test's own in one flat directory, and checks that
// SplitFlat splits them; an explicit story in front matter still wins.
func TestFlatDirectoryGroupedIntoStories(t *testing.T) {
	fsys := fstest.MapFS{}
	seeds, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	for _, name := range seeds {
		b, _ := fs.ReadFile(articles.FS, name)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	bridge := []string{
		"Council approves new river bridge\n\nThe city council of Millbrook voted 7 to 2 on Tuesday to approve a new pedestrian bridge over the Arden river, ending a decade of debate. The bridge, costing 14 million pounds, will link the old mill quarter with the railway station. Councillor Ada Finch said the vote was a victory for residents who had campaigned for years.\n",
		"Millbrook bridge gets green light\n\nMillbrook's councillors have backed plans for a footbridge across the Arden river by seven votes to two. The 14 million pound bridge will connect the mill quarter and the station, and construction is due to start next spring. \"This is a victory for the residents who campaigned for years,\" said councillor Ada Finch.\n",
		"Arden footbridge approved despite objections\n\nA footbridge over the river Arden in Millbrook was approved by the council on Tuesday, although two councillors voted against the 14 million pound scheme, citing its cost. Ada Finch, who led the campaign, called the decision a victory for residents of the mill quarter.\n",
	}
	for i, text := range bridge {
		fsys[fmt.Sprintf("bridge%d.txt", i)] = &fstest.MapFile{Data: []byte(text)}
	}
	fsys["pinned.txt"] = &fstest.MapFile{Data: []byte("---\nstory: Elsewhere\n---\nMillbrook bridge again\n\nThe Millbrook council approved the Arden river footbridge on Tuesday, said councillor Ada Finch.\n")}
	c, probs, err := corpus.LoadFS(fsys, "mixed")
	if err != nil || len(probs) != 0 {
		t.Fatalf("load: %v %v", err, probs)
	}
	SplitFlat(c)
	got := map[string][]string{}
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			got[s.Name] = append(got[s.Name], a.ID)
		}
	}
	if len(c.Stories) != 3 {
		t.Fatalf("got %d stories, want 3: %v", len(c.Stories), got)
	}
	if ids := got["mixed"]; len(ids) != 5 || !strings.HasPrefix(ids[0], "000_") {
		t.Errorf("the seed story should keep the directory's name with 5 articles: %v", got)
	}
	if ids := got["Elsewhere"]; len(ids) != 1 || ids[0] != "pinned" {
		t.Errorf("front matter story should win: %v", got)
	}
	for name, ids := range got {
		if name != "mixed" && name != "Elsewhere" && (len(ids) != 3 || !strings.HasPrefix(ids[0], "bridge")) {
			t.Errorf("story %q = %v, want the three bridge articles", name, ids)
		}
	}
}

// TestFlatDirectoryHasNoCatchAllStory is the regression test for the
// catch-all story: an article of a flat directory that groups with nothing
// used to join the directory's largest story (1,554 unrelated articles at
// 10,000); now it is a story of its own, marked Ungrouped and listed last.
//
// The directory named unlike a label is a regression test too: a flat
// directory whose name is not written as a story's name is (an accent
// decomposed, as macOS writes "Élections", two spaces) was never split.
// Its articles' story is the name made a label, and SplitFlat looked for
// the name as given, found no article in the directory's own story, and
// left them all one story, the panda's birth with the seed's emails.
func TestFlatDirectoryHasNoCatchAllStory(t *testing.T) {
	fsys := fstest.MapFS{}
	seeds, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	for _, name := range seeds {
		b, _ := fs.ReadFile(articles.FS, name)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	fsys["aaa_zoo.txt"] = &fstest.MapFile{Data: []byte("Panda cub born at Edinburgh zoo\n\nKeepers at Edinburgh zoo said a giant panda cub was born overnight, the first in Scotland. The cub weighed about 150 grams and is feeding well.\n")}
	for _, tc := range []struct{ dir, story string }{
		{"mixed", "mixed"},
		{"E\u0301lections  2016", "\u00c9lections 2016"}, // named unlike a label
	} {
		c, _, err := LoadFS(fsys, tc.dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range c.Stories {
			got = append(got, fmt.Sprintf("%s/%d/%v", s.Name, len(s.Articles), s.Ungrouped))
		}
		want := []string{tc.story + "/5/false", "Panda cub born at Edinburgh zoo/1/true"}
		if !slices.Equal(got, want) {
			t.Errorf("%+q: stories %q, want %q", tc.dir, got, want)
		}
	}
}
