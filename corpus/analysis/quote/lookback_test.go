package quote

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestNameLookBackBounded holds roleHolder and organisationNamed to the
// maxNameLookBack nearest words of their noun: an article that says "the
// agency said" after each of thousands of quotes had every one read back
// to its start, in time growing with the square of its length. The name
// is found past a few hundred tokens of text, and not past more words of
// the noun than the bound.
func TestNameLookBackBounded(t *testing.T) {
	for _, tt := range []struct{ intro, who, name string }{
		{"The Korean Central News Agency issued a statement.", "the agency", "Korean Central News Agency"},
		{"Bexar County Sheriff Javier Salazar arrived at noon.", "the sheriff", "Javier Salazar"},
	} {
		filler := strings.Repeat("The bridge stayed closed for the whole of the long winter. ", 40)
		quote := "“We will not stop the work on the bridge,” " + tt.who + " said. "
		a := corpus.Parse("a", []byte("Title\n\n"+tt.intro+" "+filler+strings.Repeat(quote, maxNameLookBack+3)+"\n"))
		qs := Extract(a)
		if len(qs) != maxNameLookBack+3 {
			t.Fatalf("%s: %d quotes, want %d", tt.who, len(qs), maxNameLookBack+3)
		}
		if got := qs[0].Speaker; got != tt.name {
			t.Errorf("%s: the first quote's speaker is %q, want %q", tt.who, got, tt.name)
		}
		if got := qs[maxNameLookBack-1].Speaker; got != tt.name {
			t.Errorf("%s: quote %d's speaker is %q, want %q", tt.who, maxNameLookBack, got, tt.name)
		}
		if got := qs[len(qs)-1].Speaker; got == tt.name {
			t.Errorf("%s: the last quote's speaker is %q, named %d words of its noun before", tt.who, got, maxNameLookBack+2)
		}
	}
}

// TestResolverLookBackBounded holds the look-backs of the pronoun resolvers
// to the maxNameLookBack nearest of the words they read for, each of which
// read its text whole for each quote, in time growing with the square of
// its length:
//   - anonymous, to the last "who" of the clause it reads for a pronoun
//     (a text of one sentence holding thousands of quotes);
//   - namedQuoteIn, to the quotes before the pronoun's (it read back to the
//     text's first quote, which a text whose quotes name no one made
//     quadratic);
//   - ellipsisNoun, to the "of" nearest before "another" (it read its
//     sentence and the one before whole: a text of one sentence of quotes
//     each said by "another", 32,000 quotes, 39 s).
//
// Each case's speaker is that of the text's last quote.
func TestResolverLookBackBounded(t *testing.T) {
	who := func(n int) string {
		return "Title\n\nOne person, who refused to give his name, was pulling the handle" +
			strings.Repeat(", and a man who ran", n) + ". “We will rebuild the bridge before the winter comes,” he said.\n"
	}
	between := func(n int) string {
		return "Title\n\nThe plan “will fail in every court,” Williams said, " +
			strings.Repeat("and “we are here to stay,” the crowd chanted, ", n) +
			"as the rain fell. “We will rebuild the bridge before the winter,” he said.\n"
	}
	of := func(n int) string {
		return "Title\n\n“The ferry must run all winter,” said one of the signers" +
			strings.Repeat(", most of the day", n) + ". “The bridge can wait,” another wrote.\n"
	}
	for _, tt := range []struct {
		name   string
		text   string
		quotes int
		want   string
	}{
		{"anonymous, maxNameLookBack-1 more who", who(maxNameLookBack - 1), 1, "One person"},
		{"anonymous, maxNameLookBack+1 more who", who(maxNameLookBack + 1), 1, "he"},
		{"namedQuoteIn, maxNameLookBack-1 quotes between", between(maxNameLookBack - 1), maxNameLookBack + 1, "Williams"},
		{"namedQuoteIn, maxNameLookBack+1 quotes between", between(maxNameLookBack + 1), maxNameLookBack + 3, "he"},
		{"ellipsisNoun, maxNameLookBack-1 more of", of(maxNameLookBack - 1), 2, "another signer"},
		{"ellipsisNoun, maxNameLookBack more of", of(maxNameLookBack), 2, "another"},
	} {
		qs := Extract(corpus.Parse("a", []byte(tt.text)))
		if len(qs) != tt.quotes {
			t.Fatalf("%s: %d quotes, want %d", tt.name, len(qs), tt.quotes)
		}
		if got := qs[len(qs)-1].Speaker; got != tt.want {
			t.Errorf("%s: the last speaker is %q, want %q", tt.name, got, tt.want)
		}
	}
}
