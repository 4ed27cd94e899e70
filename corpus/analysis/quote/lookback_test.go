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

// TestClauseLookBackBounded holds anonymous to the maxNameLookBack last
// "who" of the clause it reads for a pronoun: it read the clause whole
// for each quote, and a text of one sentence holding thousands of quotes
// took time growing with the square of its length.
func TestClauseLookBackBounded(t *testing.T) {
	for _, tt := range []struct {
		whos int
		want string
	}{{maxNameLookBack - 1, "One person"}, {maxNameLookBack + 1, "he"}} {
		txt := "Title\n\nOne person, who refused to give his name, was pulling the handle" +
			strings.Repeat(", and a man who ran", tt.whos) + ". “We will rebuild the bridge before the winter comes,” he said.\n"
		a := corpus.Parse("a", []byte(txt))
		qs := Extract(a)
		if len(qs) != 1 {
			t.Fatalf("%d more who: %d quotes, want 1", tt.whos, len(qs))
		}
		if got := qs[0].Speaker; got != tt.want {
			t.Errorf("%d more who: the speaker is %q, want %q", tt.whos, got, tt.want)
		}
	}
}

// TestNamedQuoteLookBackBounded holds namedQuoteIn to the maxNameLookBack
// quotes before the pronoun's: it read back to the text's first quote for
// each quote, which a text whose quotes name no one made quadratic.
func TestNamedQuoteLookBackBounded(t *testing.T) {
	for _, tt := range []struct {
		between int
		want    string
	}{{maxNameLookBack - 1, "Williams"}, {maxNameLookBack + 1, "he"}} {
		txt := "Title\n\nThe lawsuit “will fail in every court,” Williams said, " +
			strings.Repeat("and “we are here to stay,” the crowd chanted, ", tt.between) +
			"as the rain fell. “We will rebuild the bridge before the winter,” he said.\n"
		a := corpus.Parse("a", []byte(txt))
		qs := Extract(a)
		if len(qs) != tt.between+2 {
			t.Fatalf("%d quotes between: %d quotes, want %d", tt.between, len(qs), tt.between+2)
		}
		if got := qs[len(qs)-1].Speaker; got != tt.want {
			t.Errorf("%d quotes between: the last speaker is %q, want %q", tt.between, got, tt.want)
		}
	}
}

// TestEllipsisLookBackBounded holds ellipsisNoun to the maxNameLookBack
// "of" nearest before "another": it read its sentence and the one before
// whole for each quote, and a text of one sentence of quotes each said by
// "another" took time growing with the square of its length (32,000
// quotes, 39 s).
func TestEllipsisLookBackBounded(t *testing.T) {
	for _, tt := range []struct {
		ofs  int
		want string
	}{{maxNameLookBack - 1, "another signer"}, {maxNameLookBack, "another"}} {
		txt := "Title\n\n“The ferry must run all winter,” said one of the signers" +
			strings.Repeat(", most of the day", tt.ofs) + ". “The bridge can wait,” another wrote.\n"
		a := corpus.Parse("a", []byte(txt))
		qs := Extract(a)
		if len(qs) != 2 {
			t.Fatalf("%d more of: %d quotes, want 2", tt.ofs, len(qs))
		}
		if got := qs[1].Speaker; got != tt.want {
			t.Errorf("%d more of: the second speaker is %q, want %q", tt.ofs, got, tt.want)
		}
	}
}
