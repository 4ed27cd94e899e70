package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOpenStoryByAPartOfItsName is a regression test: --story with a part
// of a story's name that is not its start ("gop" for
// "2014-11-29-gop-aide-resigns") found the story only among all of them,
// so that quotes, matrix and unique opened the whole archive for it, many
// seconds at 100,000 articles where a name's start took 20 ms. The index
// now answers as FindStory does on the whole archive, by the same rules
// in the same order: the name itself, ignoring case and accents, else its
// start, else a part of it; a value that names several stories, or none,
// still opens the whole archive, which says which.
func TestOpenStoryByAPartOfItsName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"2014-11-29-gop-aide-resigns",
		"Séisme au Népal",
		"Bridge",
		"bridge collapse in Genoa",
		"Harbour Bridge reopens",
		"Brexit vote",
		"exit polls",
	} {
		folder := filepath.Join(dir, name)
		if err := os.Mkdir(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, folder, "a.txt", name+" in the news\n\nThe first outlet reports on "+name+" at length, with the words of everyone who was there.\n")
		writeFile(t, folder, "b.txt", name+" reported\n\nA second outlet reports on "+name+" as well, and quotes a witness who saw it.\n")
	}
	open(t, dir, Options{}).Close()
	age(t, dir)
	full := open(t, dir, Options{})
	for _, tc := range []struct {
		query string
		want  string // the story opened alone, or "" for the whole archive
	}{
		{"gop", "2014-11-29-gop-aide-resigns"},
		{"AIDE-RES", "2014-11-29-gop-aide-resigns"},
		{"nepal", "Séisme au Népal"},
		{"NÉPAL", "Séisme au Népal"},
		{"au nep", "Séisme au Népal"},
		{"seisme", "Séisme au Népal"},
		{"Séisme au Népal", "Séisme au Népal"},
		{"collapse", "bridge collapse in Genoa"},
		{"genoa", "bridge collapse in Genoa"},
		{"reopens", "Harbour Bridge reopens"},
		// The name itself before names it begins or is a part of.
		{"bridge", "Bridge"},
		{"BRIDGE", "Bridge"},
		// A start before a part: "exit polls", not "Brexit vote".
		{"exit", "exit polls"},
		{"brex", "Brexit vote"},
		{"vote", "Brexit vote"},
		{"3", "Bridge"},
		// Several stories, or none: the whole archive says which.
		{"xit", ""},
		{"bridge c", "bridge collapse in Genoa"},
		{"ge", ""},
		{"e", "exit polls"},
		{"r", ""},
		{"nothing like it", ""},
		{"99", ""},
		{"", ""},
		{"\x1b[0m", ""},
	} {
		want, wantErr := full.FindStory(tc.query)
		a := open(t, dir, Options{Story: tc.query})
		got, err := a.FindStory(tc.query)
		switch {
		case (err != nil) != (wantErr != nil):
			t.Errorf("Story %q: error %v, on the whole archive %v", tc.query, err, wantErr)
		case err != nil:
			if err.Error() != wantErr.Error() {
				t.Errorf("Story %q: error %q, on the whole archive %q", tc.query, err, wantErr)
			}
		case got.Name != want.Name:
			t.Errorf("Story %q opened %q, on the whole archive %q", tc.query, got.Name, want.Name)
		case got.Number != want.Number || got.Alone != want.Alone:
			// list --story heads it so: "# 3 · Bridge".
			t.Errorf("Story %q: number %d (alone %v), on the whole archive %d (%v)", tc.query, got.Number, got.Alone, want.Number, want.Alone)
		}
		opened := a.Stories()
		switch {
		case tc.want == "" && len(opened) != len(full.Stories()):
			t.Errorf("Story %q: %d stories open, want the whole archive's %d", tc.query, len(opened), len(full.Stories()))
		case tc.want != "" && (len(opened) != 1 || opened[0].Name != tc.want):
			t.Errorf("Story %q: %d stories open, want %q alone", tc.query, len(opened), tc.want)
		}
		a.Close()
	}
}
