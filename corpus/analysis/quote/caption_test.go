package quote

import "testing"

// TestCaptionNamesNoAntecedent checks that "he" or "she" after a
// picture's caption takes no name from it: neither the caption's label
// ("Image", "Photo") nor a name the caption shows, as a line of its own or
// as a sentence amid a paragraph; a name before a sentence of prose still
// resolves.
func TestCaptionNamesNoAntecedent(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "image caption line",
			text:     "Image caption Paterson, right, died during filming of the fourth series of Two Fat Ladies\n\nWhen asked during an interview if she wished the show had been called something else, she replied no.\n\n“If you're fat you're fat, and I hate this correctness,” she told The Guardian.",
			speakers: []string{"she"}},
		{name: "copyright and caption line",
			text:     "A member of the presidential guard described the fighting to reporters.\n\nImage copyright AP Image caption Residents in Bamako said soldiers were firing into the air\n\n“We are in control of the presidential palace,” he said.",
			speakers: []string{"he"}},
		{name: "caption of two sentences",
			text:     "Image copyright SCIENCE PHOTO LIBRARY Image caption And then there were eight. In 2006 Pluto was expelled from the club of planets\n\n“I thought it was funny to talk about killing the planet,” he explained.",
			speakers: []string{"he"}},
		{name: "photo credit amid a paragraph",
			text:     "Ms Forster was taken to hospital after the bite. Photo: supplied. She needed 12 stitches. “All wild animals have dirty bites and so it was a matter of covering it,” she said.",
			speakers: []string{"she"}},
		{name: "prose before the quote",
			text:     "Image caption The bridge after the storm\n\nMayor Jane Ortiz opened the meeting on Monday.\n\n“We will rebuild the bridge before winter,” she said.",
			speakers: []string{"Jane Ortiz"}},
	})
}
