package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestSharedContent: a quotation reworded in its small words, or with a
// word of it replaced by a related one, still shares a run of its content
// words; a short run, one of related words alone, or one across two
// quotations does not make one.
func TestSharedContent(t *testing.T) {
	filler := "The council met on Monday. Officials spoke to reporters outside. A vote is expected next month.\n\n"
	for _, tc := range []struct {
		name        string
		left, right string
		words       int // 0: no run that tells one quotation
	}{
		{"two translations of one statement",
			`"The test center will be discarded in order to ensure the transparency of the suspension of the nuclear test," the statement said.`,
			`It said it would "close the site to guarantee transparency in suspending nuclear tests."`, 5},
		{"small words and inflections changed",
			`"We have rebuilt the old bridges of the city at last," she said.`,
			`She promised "to rebuild old bridges of our city at the last."`, 5},
		{"three content words are sharedQuote's to judge",
			`He called it "very good news for everyone."`,
			`"This is very good news for the region and the world — big progress!"`, 0},
		{"related words alone are not one quotation",
			`"They will guarantee a suspension of all halted talks," he said.`,
			`"We ensure to suspend each stopped negotiation," she said.`, 0},
		{"no run across two quotations",
			`He said "rebuild bridges" and "city within years" then.`,
			`She said "rebuild bridges city within years" twice.`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := contentRun(t, filler+tc.left, filler+tc.right)
			if r.words != tc.words {
				t.Errorf("run of %d content words, want %d", r.words, tc.words)
			}
		})
	}
}

// contentRun returns the run sharedContent finds between the last
// sentence of left and the last of right, weighed over the two texts.
func contentRun(t *testing.T, left, right string) quoteRun {
	t.Helper()
	m := newMatcher(nil)
	lu, ru := m.units(corpus.Parse("left", []byte(left))), m.units(corpus.Parse("right", []byte(right)))
	if len(lu) == 0 || len(ru) == 0 {
		t.Fatalf("no units in %.80q or %.80q", left, right)
	}
	m.weigh(lu, ru)
	return m.sharedContent(lu[len(lu)-1].quoted, ru[len(ru)-1].quoted)
}

// TestRewordedQuotationPairs is issue 9's quote recall for a statement
// two outlets translated differently: HuffPost's quotation of it was left
// one-sided, and the New York Times' paired with HuffPost's sentence that
// reports it without quotation marks (a wrong pairing: another event of
// the gold). The sentence that quotes it now pairs, and an identical
// quotation still pairs with its twin before any reworded one.
func TestRewordedQuotationPairs(t *testing.T) {
	checkStoryPairs(t, []storyPair{
		{"2018-04-20-north-korea-suspends-nuclear-and-missile-tests", "01_huffpost.txt", "02_nytimes.txt",
			"to ensure the transparency of the suspension", "to guarantee transparency in suspending nuclear tests", true},
		{"2018-04-20-north-korea-suspends-nuclear-and-missile-tests", "01_huffpost.txt", "02_nytimes.txt",
			"It also plans to close down a nuclear test site", "to guarantee transparency in suspending nuclear tests", false},
		{"2013-08-29-irs-to-recognize-same-sex-marriages-for-federal-taxes", "02_foxnews.txt", "03_huffpost.txt",
			"Today's ruling provides certainty", "Today’s ruling provides certainty", true},
	})
}
