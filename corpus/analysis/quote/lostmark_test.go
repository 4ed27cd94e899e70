package quote

import "testing"

// TestLostClosingMark is a regression test: a text whose closing curly
// marks were lost to a bad decoding writes "�?" for each, which read as no
// mark, so every quote ran on over its attribution ("…,�? Greco said.")
// to the next opening mark or the paragraph's end, and went unattributed.
func TestLostClosingMark(t *testing.T) {
	runQuotedCases(t, []quotedCase{
		{
			name:     "two quotes of one paragraph",
			text:     "“He was loyal, dependable, somebody that would always have your back if you were on his team,\uFFFD? Greco said. “He was a stand up guy.\uFFFD?",
			texts:    []string{"He was loyal, dependable, somebody that would always have your back if you were on his team", "He was a stand up guy."},
			speakers: []string{"Greco", "Greco"},
		},
		{
			name:     "the attribution after the mark",
			text:     "Bambic said the organization since 2004 has donated thousands of dollars to drivers who have been robbed and assaulted on the job and their families.\n\n“It’s drivers helping drivers,\uFFFD? said Bambic.",
			texts:    []string{"It’s drivers helping drivers"},
			speakers: []string{"Bambic"},
		},
		{
			name:     "a straight opening mark",
			text:     "The singer won a temporary block of the auction of 22 pieces in july 2016, telling a new york city court that her celebrity status \"does not obviate my right to maintain my privacy, including with regard to highly personal items\uFFFD?. In a decision made public yesterday, judge gerald lebovits ruled that she had misdirected her legal action.",
			texts:    []string{"does not obviate my right to maintain my privacy, including with regard to highly personal items"},
			speakers: []string{""},
		},
		{
			name:     "spaced, in text that spaces its marks",
			text:     "A \"police officer never uses a curse word in an emergency. Listen to any audio tape. It's for effect and we can teach them to control their language. It's not that hard, \uFFFD? said michael julian, the nypd's newly appointed deputy commissioner. The nypd has 35,000 officers.",
			texts:    []string{"police officer never uses a curse word in an emergency. Listen to any audio tape. It's for effect and we can teach them to control their language. It's not that hard"},
			speakers: []string{"michael julian"},
		},
	})
}
