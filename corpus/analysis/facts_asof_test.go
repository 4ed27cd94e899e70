package analysis

import "testing"

// TestDayAsOfIsNoEvent is a regression test: two outlets writing that
// the police "had not been charged as of early Friday" and "as of
// Thursday evening" were reported as giving the day two ways; each says
// when a state of things held as it wrote, and they agree. A day that
// dates what happened still disagrees.
func TestDayAsOfIsNoEvent(t *testing.T) {
	checkDayDisagreement(t, "as of a weekday",
		"Report\n\nPolice would not identify either of them by name because they had not been charged as of early Friday.\n",
		"News\n\nPolice would not identify either of them by name because they had not been charged as of Thursday evening.\n",
		false)
	// The two sentences as a lower-cased wire text gives them, after the
	// police chief's words.
	checkDayDisagreement(t, "as of a weekday, lower-cased",
		"Report\n\nWashington park police chief david clark said they believe the man's mother aided the crimes. Police would not identify either of them by name because they had not been charged as of early friday.\n",
		"News\n\nWashington park police chief david clark said it appears the man's mother assisted in the crime. Police would not identify either of them by name because they had not been charged as of thursday evening.\n",
		false)
	checkDayDisagreement(t, "as of a date",
		"Report\n\nThe two men held in the city jail had not been charged with any crime as of Jan. 14 in the case.\n",
		"News\n\nThe two men held in the city jail had not been charged with any crime as of January 12 in the case.\n",
		false)
	checkDayDisagreement(t, "charged on a day",
		"Report\n\nPolice would not identify either of them by name until they were charged on Friday.\n",
		"News\n\nPolice would not identify either of them by name until they were charged on Thursday.\n",
		true)
}
