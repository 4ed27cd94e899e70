package ui

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

func TestArticleSource(t *testing.T) {
	a := &corpus.Article{Date: "2016-07-27", URL: "https://www.aljazeera.com/news/2016/7/27/trump-russia"}
	tests := []struct {
		a     *corpus.Article
		width int
		want  string
	}{
		{a, 100, " · 2016-07-27 · www.aljazeera.com/news/2016/7/27/trump-russia"},
		{a, 40, " · 2016-07-27 · www.aljazeera.com/news/…"},
		{a, 28, " · 2016-07-27"}, // too little room left for a useful address
		{a, 12, ""},              // not even the whole date
		{&corpus.Article{URL: "http://x.example/\x1b[2Ja"}, 40, " · x.example/a"},
		{&corpus.Article{}, 40, ""},
		// A page's date and time: the day says which article it is.
		{&corpus.Article{Date: "2015-07-24T05:36:09+01:00"}, 40, " · 2015-07-24"},
		{&corpus.Article{Date: "2015-07-24 05:36"}, 40, " · 2015-07-24"},
		{&corpus.Article{Date: "July 24, 2015"}, 40, " · July 24, 2015"},
		{&corpus.Article{Date: "2015-13-24T05:36"}, 40, " · 2015-13-24T05:36"},
	}
	for _, tt := range tests {
		if got := articleSource(tt.a, tt.width); got != tt.want {
			t.Errorf("articleSource(%q, %d) = %q, want %q", tt.a.URL, tt.width, got, tt.want)
		}
	}
}
