package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestGroupSpeakerPrefersANameOnATie is a regression test: a quote two
// outlets carry, one attributing it to "the chairmen" and the other to
// the three chairmen by name (the 2018 Comey memos story), was headed by whichever speaker came first, here "chairmen";
// on a tie the speaker that names someone heads it, whichever outlet
// comes first.
func TestGroupSpeakerPrefersANameOnATie(t *testing.T) {
	const said = "“Former Director Comey's memos show the President made clear he wanted allegations of collusion fully investigated,” "
	phrase := "Title p\n\nThe chairmen were unmoved. " + said + "the chairmen said.\n"
	named := "Title n\n\n" + said + "said Rep. Devin Nunes.\n"
	for _, order := range [][2]string{{phrase, named}, {named, phrase}} {
		arts := []*corpus.Article{corpus.Parse("a", []byte(order[0])), corpus.Parse("b", []byte(order[1]))}
		gs := Groups(arts)
		if len(gs) != 1 || len(gs[0].Quotes) != 2 {
			t.Fatalf("%d groups, want one of two quotes: %+v", len(gs), gs)
		}
		if got, want := gs[0].Speaker, "Devin Nunes"; got != want {
			t.Errorf("group speaker %q (quotes' speakers %q, %q), want %q", got, gs[0].Quotes[0].Speaker, gs[0].Quotes[1].Speaker, want)
		}
	}
}
