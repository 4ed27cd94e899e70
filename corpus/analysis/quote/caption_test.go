package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCaptionNamesNoAntecedent checks that "he" or "she" after a
// picture's caption takes no name from it: neither the caption's label
// ("Image", "Photo") nor a name the caption shows, as a line of its own or
// as a sentence amid a paragraph; a name before a sentence of prose still
// resolves.
func TestCaptionNamesNoAntecedent(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"image caption line",
			"Image caption Paterson, right, died during filming of the fourth series of Two Fat Ladies\n\nWhen asked during an interview if she wished the show had been called something else, she replied no.\n\n“If you're fat you're fat, and I hate this correctness,” she told The Guardian.",
			"she"},
		{"copyright and caption line",
			"A member of the presidential guard described the fighting to reporters.\n\nImage copyright AP Image caption Residents in Bamako said soldiers were firing into the air\n\n“We are in control of the presidential palace,” he said.",
			"he"},
		{"caption of two sentences",
			"Image copyright SCIENCE PHOTO LIBRARY Image caption And then there were eight. In 2006 Pluto was expelled from the club of planets\n\n“I thought it was funny to talk about killing the planet,” he explained.",
			"he"},
		{"photo credit amid a paragraph",
			"Ms Forster was taken to hospital after the bite. Photo: supplied. She needed 12 stitches. “All wild animals have dirty bites and so it was a matter of covering it,” she said.",
			"she"},
		{"prose before the quote",
			"Image caption The bridge after the storm\n\nMayor Jane Ortiz opened the meeting on Monday.\n\n“We will rebuild the bridge before winter,” she said.",
			"Jane Ortiz"},
	}
	for _, tt := range tests {
		qs := Extract(corpus.Parse("a", []byte("Title\n\n"+tt.text+"\n")))
		if len(qs) != 1 {
			t.Fatalf("%s: %d quotes, want 1", tt.name, len(qs))
		}
		if got := qs[0].Speaker; got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.name, got, tt.want)
		}
	}
}
