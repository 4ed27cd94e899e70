package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestNearParaphraseIsAWordDiff checks that the reader shows a paraphrase
// pair most of whose words are equal as a word diff, side by side and
// inline: "voted to close" / "voted to shut" was shown with the shared
// words marked and the changed one not marked at all.
func TestNearParaphraseIsAWordDiff(t *testing.T) {
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a-old.txt": {Data: []byte("Bridge vote\n\nThe council voted to close the bridge on Monday.\n")},
		"b-new.txt": {Data: []byte("Bridge vote\n\nThe council voted to shut the bridge on Monday.\n")},
	}, "town")
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, c, 120, 30)
	for _, mode := range []string{"side by side", "inline"} {
		if mode == "inline" {
			m = press(m, "v")
		}
		s := screen(m)
		for _, want := range []string{"[-close-]", "{+shut+}"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q:\n%s", mode, want, s)
			}
		}
		if strings.Contains(s, "{=") {
			t.Errorf("%s: shown as a paraphrase apart:\n%s", mode, s)
		}
	}
}
