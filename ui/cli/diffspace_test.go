package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffPunctuationKeepsSpace is a regression test: a punctuation mark
// dropped with the space after it (", " against " ") was shown as
// deleted, space and all, and the space the right has not written at
// all: "The mayor[-, -]who", which, its brackets left out, reads as the
// right's "The mayorwho"; and --ignore-punctuation, which leaves the
// deletion out, printed just that. A mark added before a space was
// shown after it ("mayor {+, +}who"). The space both sides have is now
// written as such: "mayor[-,-] who", "mayor{+,+} who", and with
// --ignore-punctuation "mayor who" and "mayor, who".
func TestDiffPunctuationKeepsSpace(t *testing.T) {
	withCommas := "The mayor, who is old, voted yes today in the town hall."
	without := "The mayor who is old voted yes today in the town hall."
	tests := []struct {
		left, right string
		flags       []string
		want        string
	}{
		{withCommas, without, nil, "The mayor[-,-] who is old[-,-] voted yes today in the town hall."},
		{without, withCommas, nil, "The mayor{+,+} who is old{+,+} voted yes today in the town hall."},
		{withCommas, without, []string{"--ignore-punctuation"}, without},
		{without, withCommas, []string{"--ignore-punctuation"}, withCommas},
		{"The mayor said: yes today in the town hall.", "The mayor said yes today in the town hall.", []string{"--ignore-punctuation"}, "The mayor said yes today in the town hall."},
		// A space for a space stays one space.
		{"The mayor voted yes today in the town hall.", "The mayor  voted no today in the town hall.", nil, "The mayor voted [-yes-]{+no+} today in the town hall."},
	}
	for _, tt := range tests {
		// A paragraph the right alone has makes the texts differ under
		// --ignore-punctuation too, so the passage is printed.
		dir := writeFiles(t, map[string]string{
			"a.txt": "Head\n\n" + tt.left + "\n",
			"b.txt": "Head\n\nThe council met again on the bridge.\n\n" + tt.right + "\n",
		})
		args := append([]string{"diff", "--format", "plain", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}, tt.flags...)
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		if !strings.Contains(le.out.String(), "\n"+tt.want+"\n") {
			t.Errorf("%q %q against %q: want the line\n%s\nin\n%s", tt.flags, tt.left, tt.right, tt.want, le.out)
		}
	}
}
