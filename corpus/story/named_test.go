package story

import (
	"slices"
	"testing"
)

func TestNamed(t *testing.T) {
	names := []string{
		"2014-11-29-gop-aide-elizabeth-lauten-apologizes-for-obama-daughters-post",
		"2018-04-19-comey-memos-released-to-congress",
		"2018-04-20-dnc-sues-russia-trump-campaign-and-wikileaks",
		"trump",
		"Trump asks Russia",
	}
	tests := []struct {
		query string
		want  []int
	}{
		{"TRUMP", []int{3}},      // equal beats a longer name it starts
		{"trump a", []int{4}},    // a start
		{"gop", []int{0}},        // a word of a dated name
		{"2018-04", []int{1, 2}}, // ambiguous: the caller says so
		{"russia", []int{2, 4}},  // held by two
		{"nothing like it", nil}, // none
		{"comey memos", nil},     // words are not rearranged
	}
	for _, tt := range tests {
		got := Named(tt.query, names)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Named(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}
