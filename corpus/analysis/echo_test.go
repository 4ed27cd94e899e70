package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestEchoes: a sentence the pairing leaves one-sided is no outlet's own
// when another outlet's sentence carries most of its content in other
// words; one that shares only names and a word or two, or a word's
// prefixed form, or says the opposite with a few of the same words, stays
// the outlet's own. Each story repeats its names and common words in
// sentences both outlets print, as a story does, so that they weigh
// little.
func TestEchoes(t *testing.T) {
	tests := []struct {
		name        string
		common      []string // sentences both outlets print
		left, right string
		unique      bool // whether left is listed as only the first outlet's
	}{
		{
			"the same report in other words",
			[]string{
				"Comey kept memos of every meeting he had with Trump in the first weeks of the administration.",
				"Trump fired Comey in May, and the memos were later handed to the Justice Department.",
				"Flynn resigned in February after misleading the vice president about his calls.",
				"Comey wrote that Trump asked him for loyalty at a private dinner.",
				"At that point, Comey wrote, the president had not been told of the inquiry.",
				"Comey said he was uncomfortable when Trump raised the inquiry into Flynn.",
			},
			"At one point, Comey wrote that Trump said he had “serious reservations” about Flynn.",
			"In one previously undisclosed exchange, Trump told Comey that he had serious reservations about Flynn’s judgment.",
			false,
		},
		{
			"a lede another outlet words at length",
			[]string{
				"The Democratic Party filed a lawsuit against Russia, the Trump campaign and WikiLeaks on Friday.",
				"The lawsuit says Russia hacked the party's computers in 2016.",
				"Trump has denied that his campaign worked with Russia.",
				"The campaign called the lawsuit a sham.",
				"WikiLeaks published the party's emails before the convention.",
			},
			"The party alleged that top officials in Trump's campaign conspired with Russia to hurt Hillary Clinton.",
			"The DNC is alleging, in a complaint filed in federal court in Manhattan, that top Trump campaign officials \"conspired\" with the Russian government and its military spy agency to hurt Hillary Clinton and help Trump.",
			false,
		},
		{
			"related words: the legislature and a legislative committee",
			[]string{
				"Federal prosecutors have subpoenaed documents from the governor's campaign.",
				"The governor has said he knew nothing of the plan.",
				"The campaign said it would cooperate with the subpoenas.",
				"Two of the governor's aides were fired in January.",
				"Traffic was backed up for days in September.",
			},
			"The state legislature is also investigating the lane closures.",
			"A state legislative committee has been looking into the lane closures since the autumn.",
			false,
		},
		{
			"a prefixed word is not its stem",
			[]string{
				"BuzzFeed reported on Thursday that the president had directed Cohen to lie to Congress.",
				"The New York Times reported that prosecutors had questioned Cohen for many hours.",
				"Cohen pleaded guilty in November to lying to Congress, The New York Times reported.",
				"BuzzFeed said its reporters had two sources for the report.",
				"The special counsel rarely comments on reports about its work, The New York Times noted.",
			},
			"The New York Times has not independently confirmed the BuzzFeed report.",
			"In a statement on Saturday, a BuzzFeed spokesman told The New York Times that the news site had re-confirmed its reporting.",
			true,
		},
		{
			"the same words, the opposite claim",
			[]string{
				"North Korea said on Saturday it would suspend nuclear and missile tests.",
				"North Korea has carried out six nuclear tests since 2006.",
				"Kim said North Korea no longer needed to test nuclear weapons.",
				"The tests drew sanctions from the United Nations.",
				"South Korea welcomed the news from North Korea.",
			},
			"North Korea already had stopped testing its weapons.",
			"All he has to do is give an order and North Korea can resume testing nuclear weapons and missiles again.",
			true,
		},
		{
			"names and a verb are not a report",
			[]string{
				"Kim Jong Un crossed into the South on Friday morning.",
				"President Moon greeted Kim at the line that divides the two Koreas.",
				"Kim and Moon planted a pine tree together in the afternoon.",
				"Trump said he would meet Kim within weeks.",
				"Moon has pressed both Kim and Trump to hold a summit.",
			},
			"Kim met President Moon at the border village on Friday to sign the declaration.",
			"Kim is expected to meet President Trump in Singapore next month, officials said.",
			true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			common := strings.Join(tt.common, "\n\n") + "\n\n"
			arts := []*corpus.Article{
				corpus.Parse("a", []byte("The story\n\n"+common+tt.left+"\n")),
				corpus.Parse("b", []byte("The story, told again\n\n"+tt.right+"\n\n"+common)),
			}
			// As the pairing might leave them: every sentence one-sided.
			paired := [][]bool{make([]bool, len(arts[0].Sentences)), make([]bool, len(arts[1].Sentences))}
			echoes := echoed(arts, paired)
			found := false
			for si, sent := range arts[0].Sentences {
				if arts[0].Text(sent.Span()) != tt.left {
					continue
				}
				found = true
				if echoes[0][si] == tt.unique {
					t.Errorf("%q echoed = %v, want %v", tt.left, echoes[0][si], !tt.unique)
				}
			}
			if !found {
				t.Fatalf("no sentence %q", tt.left)
			}
		})
	}
}

func passagesText(an *Analysis, i int) string {
	var b strings.Builder
	for _, p := range an.Unique[i] {
		b.WriteString(an.Articles[i].Text(p.Span) + "\n")
	}
	return b.String()
}

// TestUniqueLeavesOutLeadIns: a sentence closed by a colon that introduces
// what another outlet also reports only says who spoke; one that
// introduces what no other outlet has is the outlet's own.
func TestUniqueLeavesOutLeadIns(t *testing.T) {
	const quote = "“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing.”"
	const other = "The Republican nominee spoke in Florida on Wednesday.\n\n" +
		"“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing,” Trump said.\n\n" +
		"His campaign later said the remark was a joke.\n"
	tests := []struct {
		name, text, lead string
		unique           bool
	}{
		{"a lead-in to a quote both print",
			"The Republican nominee spoke in Florida on Wednesday.\n\nIn a press conference on Wednesday, Trump stated:\n\n" + quote + "\n\nHis campaign later said the remark was a joke.\n",
			"In a press conference on Wednesday, Trump stated:", false},
		{"a lead-in in the same paragraph",
			"The Republican nominee spoke in Florida on Wednesday.\n\nOn Twitter, Miller wrote: " + quote + "\n\nHis campaign later said the remark was a joke.\n",
			"On Twitter, Miller wrote:", false},
		{"a lead-in to what only this outlet has",
			"The Republican nominee spoke in Florida on Wednesday.\n\n" + quote + "\n\nDonations for the victims can be sent by mail to:\n\nThe Relief Fund, 100 Main Street, Schertz, Texas.\n\nHis campaign later said the remark was a joke.\n",
			"Donations for the victims can be sent by mail to:", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := analysedTexts(t, "Trump and the emails\n\n"+tt.text, "Trump on the emails\n\n"+other)
			got := false
			for _, p := range an.Unique[0] {
				if strings.Contains(an.Articles[0].Text(p.Span), tt.lead) {
					got = true
				}
			}
			if got != tt.unique {
				t.Errorf("%q listed as unique = %v, want %v; unique passages:\n%s", tt.lead, got, tt.unique, passagesText(an, 0))
			}
		})
	}
}

// TestUniqueLeavesOutStrayMarks is a regression test: in a text with
// spaced marks, the closing mark of a quote at a paragraph's end is a
// sentence of its own to the splitter, and with the quote paired with
// another outlet's, `unique` listed that mark alone, `¶2  "`, as a
// passage only the outlet reports. A mark so set apart opens no passage;
// a sentence of its own words still does.
func TestUniqueLeavesOutStrayMarks(t *testing.T) {
	const spaced = "Harbour fire\n\nthe fire broke out on the quay late on friday and burned for hours. the mayor said the town \" will rebuild what was lost, and rebuild it better. \"\n\nthe cause of the fire is not yet known, and the harbour is closed until monday.\n"
	for _, tc := range []struct {
		name, other string
		want        []string // the first article's unique passages
	}{
		{"the other quotes it",
			"Harbour fire\n\nthe fire broke out on the quay late on friday and burned for hours. the mayor said the town \"will rebuild what was lost, and rebuild it better.\"\n\nthe cause of the fire is not yet known, and the harbour is closed until monday.\n",
			nil},
		{"the other reports it",
			"Harbour fire\n\nthe fire broke out on the quay late on friday and burned for hours. the mayor said the town would rebuild what was lost, and rebuild it better.\n\nthe cause of the fire is not yet known, and the harbour is closed until monday.\n",
			nil},
		{"the other leaves it out",
			"Harbour fire\n\nthe fire broke out on the quay late on friday and burned for hours.\n\nthe cause of the fire is not yet known, and the harbour is closed until monday.\n",
			[]string{`the mayor said the town " will rebuild what was lost, and rebuild it better. "`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			an := analysedTexts(t, spaced, tc.other)
			var got []string
			for _, p := range an.Unique[0] {
				got = append(got, p.Article.Text(p.Span))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("unique passages %q, want %q", got, tc.want)
			}
		})
	}
}
