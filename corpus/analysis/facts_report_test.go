package analysis

import "testing"

// TestDayBesideAReportNoun checks that a day beside a noun naming a
// telling of the news ("a statement Wednesday", "NASA's announcement
// Wednesday") dates the telling, as a day beside a verb of speech does,
// and so disagrees with no date of the news itself; while a release, or a
// conference that is no press conference, is news whose days still
// disagree.
func TestDayBesideAReportNoun(t *testing.T) {
	tests := []struct {
		name, left, right string
		want              bool
	}{
		{"statement",
			"A woman was burned by her headphones on a flight from China to Melbourne on February 19, the safety bureau found.",
			"A woman was burned by her headphones on a flight from China to Melbourne, the safety bureau found in a statement Wednesday.",
			false},
		{"announcement",
			"The probe flew past Pluto on July 14 after a journey of nine years and three billion miles, the mission's scientists found.",
			"The probe flew past Pluto after a journey of nine years and three billion miles, found scientists who attended NASA's announcement Wednesday.",
			false},
		{"report",
			"The company cut two thousand jobs on March 3 across its factories in the north of the country, the union found.",
			"The company cut two thousand jobs across its factories in the north of the country, the union found in a report Monday.",
			false},
		{"news conference",
			"The company cut two thousand jobs on March 3 across its factories in the north of the country, the union found.",
			"The company cut two thousand jobs across its factories in the north of the country, the union found at a news conference Friday.",
			false},
		{"released is news",
			"The two hostages were released on Thursday after a week in captivity near the border with the neighbouring country.",
			"The two hostages were released Friday after a week in captivity near the border with the neighbouring country.",
			true},
		{"a conference that is news",
			"The leaders met at the climate conference on Monday to sign the accord on emissions and forests.",
			"The leaders met at the climate conference Tuesday to sign the accord on emissions and forests.",
			true},
	}
	for _, tt := range tests {
		checkDayDisagreement(t, tt.name, "Report\n\n"+tt.left+"\n", "News\n\n"+tt.right+"\n", tt.want)
	}
}
