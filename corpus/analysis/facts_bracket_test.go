package analysis

import (
	"slices"
	"testing"
)

// TestBracketedFigure is a regression test: a figure in brackets after
// what it is of ("“The Long Road” ($1.47 billion)") was set against
// another outlet's figure of something else in the sentence paired with
// it, a film's gross against another film's. It is that other thing's
// figure only when the other outlet's sentence names it; two outlets
// that bracket one film's figure differently still disagree.
func TestBracketedFigure(t *testing.T) {
	const title = "Box office\n\n"
	for _, tc := range []struct {
		name string
		a, b string
		want []string
	}{
		{
			"a bracketed figure of another film",
			`The space drama has now passed "The Long Road" ($1.47 billion) and "Harbour Lights" ($1.42 billion) to become the fifth biggest film of all time worldwide.`,
			`Worldwide the space drama has now grossed over $1.5 billion, making it the fifth biggest film of all time.`,
			nil,
		},
		{
			"the same film, bracketed in both",
			`The space drama has now passed "The Long Road" ($1.47 billion) to become the fifth biggest film of all time worldwide.`,
			`The space drama has now overtaken "The Long Road" ($1.41 billion) to become the fifth biggest film of all time worldwide.`,
			[]string{"billion: a=1.47 b=1.41"},
		},
		{
			"the film named beside the other figure",
			`The space drama has now passed "The Long Road" ($1.47 billion) to become the fifth biggest film of all time worldwide.`,
			`The space drama has now passed The Long Road, which made $1.41 billion, to become the fifth biggest film of all time worldwide.`,
			[]string{"billion: a=1.47 b=1.41"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			an := analysedTexts(t, title+tc.a+"\n", title+tc.b+"\n")
			if got := countFacts(an); !slices.Equal(got, tc.want) {
				t.Errorf("facts %q, want %q", got, tc.want)
			}
		})
	}
}
