package compare

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestDiffPastLastRune diffs texts whose words are numbered past the last
// valid rune within one diff, as two 5 MiB texts of words never used twice
// (1.2 million forms) number them: the diff must still tell every word
// apart. Words mapped past utf8.MaxRune all became U+FFFD inside go-diff,
// which then took the last changed word of each side for the same word.
func TestDiffPastLastRune(t *testing.T) {
	for _, start := range []rune{1, 0xD7F0, utf8.MaxRune - 4, utf8.MaxRune + 1} {
		t.Run(fmt.Sprintf("from %#x", start), func(t *testing.T) {
			var lw, rw []string
			for i := range 12 {
				lw = append(lw, fmt.Sprintf("left%d", i))
				rw = append(rw, fmt.Sprintf("right%d", i))
			}
			shared := "one two three four five"
			a := corpus.Parse("a", []byte("Title\n\n"+shared+" "+strings.Join(lw, " ")+".\n"))
			b := corpus.Parse("b", []byte("Title\n\n"+shared+" "+strings.Join(rw, " ")+".\n"))
			d := NewDiffer()
			d.next = start
			ops := d.Diff(a, a.Sentences[len(a.Sentences)-1].Tokens(), b, b.Sentences[len(b.Sentences)-1].Tokens())
			var equal []string
			for _, op := range ops {
				if op.Kind == OpEqual {
					equal = append(equal, strings.Fields(a.Text(op.Left))...)
				}
			}
			// The closing point is the same on both sides, after the change.
			if got, want := strings.Join(equal, " "), shared+" ."; got != want {
				t.Errorf("equal words %q, want %q (ops %v)", got, want, ops)
			}
		})
	}
}

// TestDifferForgetsCachedRunes diffs with a Differ whose form map fills
// up between two diffs of one pair: the map then starts afresh from 1,
// and the runes cached by article form must go with it, or a form cached
// before would share its number with one met after.
func TestDifferForgetsCachedRunes(t *testing.T) {
	// Once the map starts afresh, a's new words would be numbered as
	// the words b repeats were before.
	a := corpus.Parse("a", []byte("Title\n\nAlpha beta gamma delta. Epsilon zeta eta theta iota kappa.\n"))
	b := corpus.Parse("b", []byte("Title\n\nAlpha beta gamma delta. Alpha beta gamma delta iota kappa.\n"))
	whole := func(x *corpus.Article) corpus.Range { return corpus.Range{Start: 0, End: x.Tokens.Len()} }
	want := NewDiffer().Diff(a, whole(a), b, whole(b))

	d := NewDiffer()
	d.Diff(a, a.Sentences[1].Tokens(), b, b.Sentences[1].Tokens())
	for i := len(d.runes); i < maxMappedForms; i++ {
		d.runeOf(fmt.Sprintf("filler%d", i))
	}
	if got := d.Diff(a, whole(a), b, whole(b)); !slices.Equal(got, want) {
		t.Errorf("after the form map filled up, got ops %v, want %v", got, want)
	}
}
