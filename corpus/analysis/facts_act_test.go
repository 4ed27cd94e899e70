package analysis

import (
	"testing"
)

// TestDaysOfDifferentActs checks that two paired sentences dating
// different acts of one story ("resigned Monday", "apologized Saturday")
// are no disagreement, and that two days of the same act still are.
func TestDaysOfDifferentActs(t *testing.T) {
	tests := []struct {
		name, left, right string
		want              bool
	}{
		{"resigned against apologized",
			"A young Republican congressional aide resigned Monday after her Facebook post berating the president's daughters became a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			false},
		{"apologized against apologized",
			"A young Republican congressional aide apologized Monday for her Facebook post berating the president's daughters, a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			true},
		// A day beside no act word dates what the sentence reports.
		{"said against said",
			"The aide's Facebook post berating the president's daughters was a mistake, the congressional office said on Monday.",
			"The aide's Facebook post berating the president's daughters was a mistake, the congressional office said on Saturday.",
			true},
		// The date of a visit against the day it was announced.
		{"visit's date against the announcement's day",
			"President Trump will travel to the United Kingdom on July 13 for a working visit with British Prime Minister Theresa May.",
			"President Trump will travel to the United Kingdom in July, the White House confirmed Thursday, where he will meet with Prime Minister Theresa May.",
			false},
		{"announcement's day against announcement's day",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced on Wednesday.",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced Thursday.",
			true},
		// A date and a day of the week are one date written two ways, or
		// two, and the text does not say which: April 26, 2018 was a
		// Thursday.
		{"announcement's date against announcement's day",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House announced on April 26.",
			"President Trump will travel to the United Kingdom for a working visit with Prime Minister Theresa May, the White House confirmed Thursday.",
			false},
	}
	for _, tt := range tests {
		checkDayDisagreement(t, tt.name, "Aide quits\n\n"+tt.left+"\n", "Aide sorry\n\n"+tt.right+"\n", tt.want)
	}
}

// checkDayDisagreement checks whether the two articles' analysis reports
// a day they give differently.
func checkDayDisagreement(t *testing.T, name, left, right string, want bool) {
	t.Helper()
	an := analysedTexts(t, left, right)
	var got bool
	for _, d := range an.Disagreements() {
		got = got || d.Kind == FactDay
	}
	if got != want {
		t.Errorf("%s: a day disagreement reported: %v, want %v:\n%s", name, got, want, describe(an.Disagreements()))
	}
}
