package quote

import "testing"

// TestRecountAndConcludeAttribute is a regression test: "recounts",
// "recounted", "concluded" and "recalls" were no verbs of speech, though
// "recalled" was, so the 2018 Comey memos story's “…,” Comey recounts in
// one memo and the Mary Cheney story's "Mary Cheney concluded her
// Facebook post: “…”" left their quotes without a speaker; the second
// quote of the memo's paragraph, which follows the first one's, took
// none either.
func TestRecountAndConcludeAttribute(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "recounts, then a second quote",
			text:     "“The President brought up the ‘Golden Showers thing’ and said it really bothered [him] if his wife had any doubt about it,” Comey recounts in one memo, dated Feb. 8, 2017. “The President said ‘the hookers thing’ is nonsense but that Putin had told him ‘we have some of the most beautiful hookers in the world.’”",
			speakers: []string{"Comey", "Comey"},
			verbs:    []string{"recounts", ""},
		},
		{
			name:     "recounted",
			text:     "“We walked for three days before anyone stopped to help us,” the farmer recounted.",
			speakers: []string{"farmer"},
			verbs:    []string{"recounted"},
		},
		{
			name:     "concluded a post",
			text:     "And to emphasize that she was not shying away from drawing attention to her view, Mary Cheney concluded her Facebook post: “Please like and share if you agree.”",
			speakers: []string{"Mary Cheney"},
			verbs:    []string{"concluded"},
		},
		{
			name:     "recalls",
			text:     "“It was the coldest winter any of us had ever seen,” Smith recalls.",
			speakers: []string{"Smith"},
			verbs:    []string{"recalls"},
		},
	})
}

// TestRecallingAProductIsNoSpeech is a regression test: "is recalling"
// a product ("Is recalling 6,500,966 pounds of " various raw, non-intact
// beef products "", a lower-cased wire story) is no verb of speech, so it
// names no speaker, as it named none before "recalls" became one.
func TestRecallingAProductIsNoSpeech(t *testing.T) {
	a := quoteArticle("a", "Title\n\narizona-based meat producer jbs tolleson inc. Is recalling 6,500,966 pounds of \" various raw, non-intact beef products \" due to an outbreak of salmonella.\n")
	for _, q := range Extract(a) {
		if q.Verb == "recalling" {
			t.Errorf("quote %q: speaker %q by %q, want no verb of speech", q.Text(), q.Speaker, q.Verb)
		}
	}
}
