package compare

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestShortRunAtAnEndStaysEqual: a run of fewer than minEqualRun words is
// folded into the changes only when it stands between two of them. At
// either end of a passage it is what the two sides share: "President
// Trump" against "President Donald Trump" showed "[-President -]{+President
// Donald +}Trump", and "Trump tweeted." against "Donald Trump tweeted."
// "[-Trump tweeted.-]{+Donald Trump tweeted.+}".
func TestShortRunAtAnEndStaysEqual(t *testing.T) {
	for _, tc := range []struct{ left, right, want string }{
		{"President Trump late Thursday tweeted that the memos show no collusion.",
			"President Donald Trump late Thursday tweeted that the memos show no collusion.",
			"President {+Donald +}Trump late Thursday tweeted that the memos show no collusion."},
		{"Will the Witch Hunt continue? Trump tweeted.",
			"Will the Witch Hunt continue? Donald Trump tweeted.",
			"Will the Witch Hunt continue? {+Donald +}Trump tweeted."},
		{"Donald Trump wants Hillary Clinton's emails hacked",
			"Donald Trump calls on Russia to hack Hillary Clinton's emails",
			"Donald Trump [-wants-]{+calls on Russia to hack+} Hillary Clinton's emails[- hacked-]"},
		// Between two changes, a short run is still folded.
		{"The senator said on Monday that the bill would pass easily.",
			"A spokesman claimed on Tuesday that the law might fail.",
			"[-The senator said on Monday that the bill would pass easily-]{+A spokesman claimed on Tuesday that the law might fail+}."},
	} {
		a := corpus.Parse("a", []byte("Title\n\n"+tc.left+"\n"))
		b := corpus.Parse("b", []byte("Title\n\n"+tc.right+"\n"))
		ops := NewDiffer().Diff(a, a.TokensIn(a.Paragraphs[1].Span), b, b.TokensIn(b.Paragraphs[1].Span))
		var got strings.Builder
		for _, op := range ops {
			switch op.Kind {
			case OpEqual:
				got.WriteString(a.Text(op.Left))
			case OpDelete:
				got.WriteString("[-" + a.Text(op.Left) + "-]")
			case OpInsert:
				got.WriteString("{+" + b.Text(op.Right) + "+}")
			}
		}
		if got.String() != tc.want {
			t.Errorf("%q against %q:\ngot  %s\nwant %s", tc.left, tc.right, got.String(), tc.want)
		}
	}
}
