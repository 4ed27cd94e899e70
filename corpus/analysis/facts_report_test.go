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

// TestDayAStoryWasPublished is a regression test: a story's "( Published
// Sunday, Dec. 18, 2016 )" dates the story, and was reported as a day
// given two ways against another outlet's day of the news ("a large tree
// fell on … a wedding party in Whittier, Calif., Dec. 17"). Two days of a
// publication still disagree, as the Times interview "published
// Saturday" in one outlet and "published Sunday" in another do.
func TestDayAStoryWasPublished(t *testing.T) {
	checkDayDisagreement(t, "a story's dateline",
		"Tree falls on wedding\n\n( Published Sunday, Dec. 18, 2016 ) One person was killed and five others were injured after a large tree fell on top of a wedding party in Whittier.\n",
		"Wedding tree\n\nOne person was killed and five others were injured after a large tree fell on top of a wedding party in Whittier, Calif., Dec. 17.\n",
		false)
	checkDayDisagreement(t, "two days of one publication",
		"Justice under fire\n\nThe liberal justice had kicked off the storm with her comments about the election to The New York Times in an interview published Saturday.\n",
		"Ginsburg criticised\n\nThe liberal justice kicked off a storm with comments about the election in an interview with The New York Times published Sunday.\n",
		true)
}
