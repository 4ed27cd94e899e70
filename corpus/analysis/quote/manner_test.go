package quote

import "testing"

// TestManner is a regression test: a person's name and words saying
// how they spoke, in place of a verb of speech, before a colon the
// quote follows ("Senator Ben Sasse was blunt:", "As Warren put it
// bluntly:", "Unsatisfied, Cohen followed up:"), gave the quote no
// speaker. The subject is the speaker, and the phrase the verb; a
// subject that is no person, a predicate that says something else, and
// a colon the quote does not follow directly leave it with none.
func TestManner(t *testing.T) {
	const said = "This is not a serious proposal and everyone knows it."
	runQuotedCases(t, []quotedCase{
		{name: "was blunt", text: `Senator Ben Sasse was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{"Ben Sasse"}},
		{name: "an appositive", text: `Ben Sasse, a Nebraska Republican, was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{"Ben Sasse"}},
		{name: "put it bluntly", text: `Sasse put it more bluntly: “` + said + `”`, texts: []string{said}, speakers: []string{"Sasse"}},
		{name: "as someone put it", text: `As Warren put it: "` + said + `"`, texts: []string{said}, speakers: []string{"Warren"}},
		{name: "followed up", text: `Unsatisfied, Cohen followed up: “OK, which polls do you mean?”`, texts: []string{"OK, which polls do you mean?"}, speakers: []string{"Cohen"}},
		{name: "did not mince words", text: `Ben Sasse didn't mince words: "` + said + `"`, texts: []string{said}, speakers: []string{"Ben Sasse"}},
		{name: "a pronoun", text: `He was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{"he"}},
		{name: "a headline", text: `The headline was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "a newspaper", text: `The New York Times chimed in: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "a document's name", text: `The forecast he issued that day, the Area Forecast Discussion, was more to the point: “` + said + `”`, texts: []string{said}, speakers: []string{""}},
		{name: "an organisation", text: `The Senate Judiciary Committee was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "it", text: `It was blunt: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "another predicate", text: `Ben Sasse read the verdict: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "blunt about something", text: `Ben Sasse was blunt about the letter from Jones: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "put it to someone", text: `Ben Sasse put it to Warren: "` + said + `"`, texts: []string{said}, speakers: []string{""}},
		{name: "words after the colon", text: `Ben Sasse was blunt: the plan was, in one aide's words, "` + said + `"`, texts: []string{said}, speakers: []string{""}},
	})
}
