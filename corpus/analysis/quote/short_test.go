package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func TestGroupAllShortQuotes(t *testing.T) {
	arts := testcorpus.Seeds(t)
	groups, short := GroupAll(arts)
	if want := Groups(arts); len(groups) != len(want) {
		t.Fatalf("GroupAll gives %d groups, Groups %d", len(groups), len(want))
	}
	if len(short) == 0 {
		t.Fatal("no short quotes in the seed story")
	}
	for i, g := range short {
		if i > 0 && len(g.Quotes) > len(short[i-1].Quotes) {
			t.Errorf("short group %d has more outlets than the one before it", i)
		}
		seen := make(map[*corpus.Article]bool)
		key := wordingKey(g.Quotes[0])
		for _, q := range g.Quotes {
			if !q.Short {
				t.Errorf("group %d holds a quote of %d words", i, q.Words)
			}
			if seen[q.Article] {
				t.Errorf("group %d holds two quotes of %s", i, q.Article.ID)
			}
			seen[q.Article] = true
			if k := wordingKey(q); k != key {
				t.Errorf("group %d mixes %q and %q", i, key, k)
			}
		}
		if g.Speaker != groupSpeaker(g.Quotes) {
			t.Errorf("group %d speaker %q", i, g.Speaker)
		}
	}
	// Trump’s “beauties” is one of them.
	found := false
	for _, g := range short {
		if wordingKey(g.Quotes[0]) == "beauties" {
			found = true
		}
	}
	if !found {
		t.Errorf("no group for “beauties”")
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Jake Sullivan", "Sullivan", true},
		{"Jake Sullivan", "jake sullivan", true},
		{"Trump’s", "Donald Trump", true},
		{"Jake Sullivan", "Jason Miller", false},
		{"", "Miller", false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
