package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestSharedFlagsWhatFactsCount checks that a paraphrase pair flags as
// given differently exactly the numbers, days and times the story's facts
// count as a disagreement: the pair view flagged "resigned Monday" against
// "had to apologize Saturday" although the facts, rightly, do not count
// two acts' days as one day given two ways.
func TestSharedFlagsWhatFactsCount(t *testing.T) {
	tests := []struct {
		name, left, right string
		want              string // the flagged words, left | right
	}{
		{"resigned against apologized",
			"A young Republican congressional aide resigned Monday after her Facebook post berating the president's daughters became a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			" | "},
		{"apologized against apologized",
			"A young Republican congressional aide apologized Monday for her Facebook post berating the president's daughters, a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			"Monday | Saturday"},
		{"visit's date against the announcement's day",
			"President Trump will travel to the United Kingdom on July 13 for a working visit with British Prime Minister Theresa May.",
			"President Trump will travel to the United Kingdom in July, the White House confirmed Thursday, where he will meet with Prime Minister Theresa May.",
			" | "},
		{"announcement's day against announcement's day",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced on Wednesday.",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced Thursday.",
			"Wednesday | Thursday"},
		{"a date against a day of the week",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced on April 26.",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House confirmed Thursday.",
			" | "},
		{"counts and days of one event",
			"A gunman killed 4 people at a shopping mall in Omaha on Friday, police said.",
			"Police said a gunman shot dead 5 people at an Omaha shopping mall on Saturday.",
			"4 Friday | 5 Saturday"},
		// Counts too far apart count different things.
		{"counts of different things",
			"Police said 2 people were hurt when the storm brought down power lines across the county on Friday.",
			"The storm brought down power lines across the county on Friday, leaving 3,000 people without power, police said.",
			" | "},
		// Counts written in words are counts.
		{"counts in words",
			"Doctors said that seven women took part in the trial of womb transplants at the hospital in Gothenburg.",
			"Doctors said that nine women took part in the trial of womb transplants at the hospital in Gothenburg.",
			"seven | nine"},
		{"a count in words and in digits",
			"Police said that three people were hurt when the storm brought down power lines across the county.",
			"Police said that 3 people were hurt when the storm brought down power lines across the county.",
			" | "},
		{"a dozen and 12",
			"Police said that a dozen people were hurt when the storm brought down power lines across the county.",
			"Police said that 12 people were hurt when the storm brought down power lines across the county.",
			" | "},
		// One figure given as two bounds with nothing between them.
		{"two bounds of one figure",
			"The special counsel has at least four dozen questions he wants to ask the president about his ties to Russia.",
			"The special counsel has almost four dozen questions he wants to ask the president about his ties to Russia.",
			"at least four dozen | almost four dozen"},
		{"a bound and a round figure of one figure",
			"The special counsel has at least four dozen questions he wants to ask the president about his ties to Russia.",
			"The special counsel has about four dozen questions he wants to ask the president about his ties to Russia.",
			" | "},
		{"a time given two ways",
			"The first shots were fired at 4:20 a.m. outside the casino on the Las Vegas Strip, police said.",
			"Police said gunfire erupted outside a casino on the Las Vegas Strip at about 4:30 a.m.",
			"4:20 a.m. | 4:30 a.m."},
	}
	for _, tt := range tests {
		an := analysedTexts(t, "Left\n\n"+tt.left+"\n", "Right\n\n"+tt.right+"\n")
		c := an.Pairs[0][1]
		var flags [2][]string
		blocks := 0
		for _, b := range c.Blocks {
			if b.Kind != compare.Aligned || b.Role != corpus.RoleProse {
				continue
			}
			blocks++
			sw := Shared(c, b)
			for _, s := range sw.LeftDiffer {
				flags[0] = append(flags[0], c.Left.Text(s))
			}
			for _, s := range sw.RightDiffer {
				flags[1] = append(flags[1], c.Right.Text(s))
			}
		}
		if blocks != 1 {
			t.Errorf("%s: %d paired passages, want 1", tt.name, blocks)
			continue
		}
		if got := strings.Join(flags[0], " ") + " | " + strings.Join(flags[1], " "); got != tt.want {
			t.Errorf("%s: flagged %q, want %q", tt.name, got, tt.want)
		}
		// The facts count the same values.
		var facts [2][]string
		for _, d := range an.Disagreements() {
			if d.Kind != FactDay && d.Kind != FactTime && d.Kind != FactNumber {
				continue
			}
			for _, m := range d.Mentions {
				side := 0
				if m.Article == c.Right {
					side = 1
				}
				facts[side] = append(facts[side], m.Value)
			}
		}
		for side := range facts {
			slices.Sort(facts[side])
			slices.Sort(flags[side])
			if !slices.Equal(facts[side], flags[side]) {
				t.Errorf("%s: side %d flags %q, the facts count %q:\n%s", tt.name, side, flags[side], facts[side], describe(an.Disagreements()))
			}
		}
	}
}
