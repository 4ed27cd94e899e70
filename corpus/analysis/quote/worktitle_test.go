package quote

import "testing"

// TestWorkTitleIsNoQuote is a regression test: a film's title in marks
// ("around the film " the innocence of muslims. "") was a quote of four
// words, shown among what people said and credited to the next
// sentence's subject ("muslim leaders urged"); so was a title cited
// before an appositive naming the work (`cited "the muslim brotherhood in
// america: the enemy within, " a ten-part video course`). A title of a
// few words right after the noun of a work, or right before "a" or "an"
// and such a noun, is a quoted phrase: Short, with no speaker or verb.
// Words quoted from a book, or said about a film, or by a study, are
// still quotes.
func TestWorkTitleIsNoQuote(t *testing.T) {
	tests := []struct {
		name, text      string
		short           []bool
		speakers, verbs []string
	}{
		{name: "a film's title, lower-cased",
			text:     `the minister said security was stepped up amid tensions around the film " the innocence of sailors. " local leaders urged calm in the country.`,
			short:    []bool{true},
			speakers: []string{""}, verbs: []string{""}},
		{name: "a report titled",
			text:     `The board published a report titled "The Harbour in the Years to Come" on Monday, and the mayor welcomed it.`,
			short:    []bool{true},
			speakers: []string{""}, verbs: []string{""}},
		{name: "a cited title with a subtitle, an appositive after it",
			text:     `The row went on. As evidence of their claims, the five members cited "the harbour board in america: the enemy within, " a ten-part video course produced by a policy centre.`,
			short:    []bool{true},
			speakers: []string{""}, verbs: []string{""}},
		{name: "a title, the comma after the mark",
			text:     `The row went on. He praised "Born in the Harbour", an album that sold millions.`,
			short:    []bool{true},
			speakers: []string{""}, verbs: []string{""}},
		{name: "words a study said",
			text:     `The harbour closed. "The harbour is no longer safe," a new study said on Monday.`,
			short:    []bool{false},
			speakers: []string{""}, verbs: []string{"said"}},
		{name: "words before the next clause's subject",
			text:     `The show began. Declaring that "history is about to be rewritten," the show started off with acrobats.`,
			short:    []bool{false},
			speakers: []string{""}, verbs: []string{""}},
		{name: "words quoted from a book",
			text:     `In his book "I never wanted the job, and I never asked for it," Ortiz wrote of the campaign.`,
			short:    []bool{false},
			speakers: []string{"Ortiz"}, verbs: []string{"wrote"}},
		{name: "a phrase a verb of speech puts in a memoir",
			text:     `He was what Ann Ortiz called in a memoir "the loyal lieutenant role," close to the council.`,
			short:    []bool{false},
			speakers: []string{"Ann Ortiz"}, verbs: []string{"called"}},
		{name: "words said of a film",
			text:     `Ortiz said the film "was made in haste by people who never met the families."`,
			short:    []bool{false},
			speakers: []string{"Ortiz"}, verbs: []string{"said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Extract(quoteArticle("a", "Title\n\n"+tt.text+"\n"))
			if len(qs) != len(tt.short) {
				t.Fatalf("%d quotes, want %d", len(qs), len(tt.short))
			}
			for i, q := range qs {
				if q.Short != tt.short[i] || q.Speaker != tt.speakers[i] || q.Verb != tt.verbs[i] {
					t.Errorf("quote %d %q: short %v, speaker %q, verb %q; want %v, %q, %q", i, q.Text(), q.Short, q.Speaker, q.Verb, tt.short[i], tt.speakers[i], tt.verbs[i])
				}
			}
		})
	}
}
