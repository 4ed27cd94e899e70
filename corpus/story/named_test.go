package story

import (
	"slices"
	"testing"
)

func TestNamed(t *testing.T) {
	names := []string{
		"2014-11-29-gop-aide-elizabeth-lauten-apologizes-for-obama-daughters-post",
		"2018-04-19-comey-memos-released-to-congress",
		"2018-04-20-dnc-sues-russia-trump-campaign-and-wikileaks",
		"trump",
		"Trump asks Russia",
		"Un troisième Français mort dans le séisme au Népal",
		"Peña Nieto meets Trump",
		"stry", // a folder named "st\x1bory", as the loader lists it
	}
	tests := []struct {
		query string
		want  []int
	}{
		// Accents as without: a name is typed as it is read. "nepal"
		// named no story.
		{"nepal", []int{5}},
		{"un troisieme", []int{5}},
		{"SÉISME", []int{5}},
		{"pena", []int{6}},
		{"peña", []int{6}},
		{"TRUMP", []int{3}},      // equal beats a longer name it starts
		{"trump a", []int{4}},    // a start
		{"gop", []int{0}},        // a word of a dated name
		{"2018-04", []int{1, 2}}, // ambiguous: the caller says so
		{"russia", []int{2, 4}},  // held by two
		{"trump", []int{3}},      // equal, though two more hold it
		{"nothing like it", nil}, // none
		{"comey memos", nil},     // words are not rearranged
		// A name typed as it is on disk, escapes and all, is made
		// visible as the loader made the folder's: "st\x1bory" named no
		// story, listed as "stry". Escapes alone name none.
		{"st\x1bory", []int{7}},
		{"\x1b[0m", nil},
		{"  Trump   asks\nRussia ", []int{4}},
	}
	for _, tt := range tests {
		got := Named(tt.query, names)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Named(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestPick(t *testing.T) {
	names := []string{"2018-04-19-comey-memos", "2018-04-20-dnc-sues", "trump"}
	tests := []struct {
		query string
		want  int    // the index picked, or -1
		err   string // the error, when none is
	}{
		{"1", 0, ""},
		{"3", 2, ""},
		{"dnc", 1, ""},
		{"TRUMP", 2, ""},
		{"5", -1, "no story 5 (there are 3)"},
		{"2018", -1, `no story 2018 (there are 3), and "2018" is a part of 2 stories' names (1 · 2018-04-19-comey-memos; 2 · 2018-04-20-dnc-sues)`},
		{"20", 1, ""}, // the day in 2018-04-20
		// A number is never digits of a longer one: "0" and "201" are in
		// "2018".
		{"0", -1, "no story 0 (there are 3)"},
		{"201", -1, "no story 201 (there are 3)"},
		{"-7", -1, "no story -7 (there are 3)"},
		{"+1", -1, `no story named "+1"`},
		{"zzz", -1, `no story named "zzz"`},
		// A number padded with zeros, in no name, is that story's number;
		// in a name, it is the name's ("04" is April in two).
		{"03", 2, ""},
		{"003", 2, ""},
		{"05", -1, "no story 05 (there are 3)"},
		{"04", -1, `"04" names 2 stories (1 · 2018-04-19-comey-memos; 2 · 2018-04-20-dnc-sues); give more of the name, or its number`},
		// The stories named are listed, with their numbers: the hint to
		// list them all listed thousands in an archive.
		{"2018-04", -1, `"2018-04" names 2 stories (1 · 2018-04-19-comey-memos; 2 · 2018-04-20-dnc-sues); give more of the name, or its number`},
	}
	for _, tt := range tests {
		got, err := Pick(tt.query, names)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if got != tt.want || errText != tt.err {
			t.Errorf("Pick(%q) = %d, %q; want %d, %q", tt.query, got, errText, tt.want, tt.err)
		}
	}
}

// TestPickNumberNotDigits is a regression test: with one story, --story 2
// picked it, as "2" is a part of "(July 2016)", where the number was
// mistyped; report --story 7 said there was no story 7.
func TestPickNumberNotDigits(t *testing.T) {
	names := []string{"Trump asks Russia to find Clinton's emails (July 2016)"}
	for _, tt := range []struct {
		query string
		want  int
		err   string
	}{
		{"1", 0, ""},
		{"2", -1, "no story 2 (there is 1)"},
		{"16", -1, "no story 16 (there is 1)"},
		{"2016", 0, ""},
	} {
		got, err := Pick(tt.query, names)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if got != tt.want || errText != tt.err {
			t.Errorf("Pick(%q) = %d, %q; want %d, %q", tt.query, got, errText, tt.want, tt.err)
		}
	}
}

// TestPickListsFew checks that an error for a --story value that names
// many stories lists the first few, and says how many more there are.
func TestPickListsFew(t *testing.T) {
	_, err := Pick("ridge", []string{"bridge vote", "the bridge", "flood", "bridge toll", "old bridge", "bridges"})
	want := `"ridge" names 5 stories (1 · bridge vote; 2 · the bridge; 4 · bridge toll; and 2 more); give more of the name, or its number`
	if err == nil || err.Error() != want {
		t.Errorf("Pick = %v, want %q", err, want)
	}
}
