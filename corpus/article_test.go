package corpus

import "testing"

func TestSentenceAt(t *testing.T) {
	a := Parse("a", []byte("Title\n\nOne sentence here. Another one there.\n"))
	for _, tt := range []struct{ off, want int }{
		{0, 0}, {7, 1}, {24, 1}, {25, 2}, {27, 2}, {len(a.Raw) + 5, 2},
	} {
		if got := a.SentenceAt(tt.off); got != tt.want {
			t.Errorf("SentenceAt(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
	if got := Parse("e", nil).SentenceAt(3); got != -1 {
		t.Errorf("empty article: SentenceAt = %d, want -1", got)
	}
}
