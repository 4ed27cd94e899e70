package extract_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// TestCJKBriefIsAnArticle is a regression test: a short report in Chinese
// or Japanese, two paragraphs of a hundred characters, was "no article
// text found in the page", and newsdiff add and extract refused it. The
// fewest words an article has were counted as runs of letters, and text
// written without spaces is a run of letters from one comma to the next:
// a dozen "words". The text model takes each Han ideograph and hiragana
// for a word (Chinese and Japanese are compared character by character),
// and so does the count now. A page of a few English words is still no
// article, nor one of a few ideographs.
func TestCJKBriefIsAnArticle(t *testing.T) {
	page := func(body string) string {
		return "<html><head><title>T</title></head><body><article>" + body + "</article></body></html>"
	}
	for _, tt := range []struct {
		name, page string
		want       error
	}{
		{"chinese", page("<h1>习近平会见美国国务卿</h1><p>中国国家主席习近平今天在北京会见了来访的美国国务卿，双方就双边关系交换了意见。</p><p>双方同意继续保持高层交往，加强各领域对话与合作，妥善处理分歧。</p>"), nil},
		{"japanese", page("<h1>首相が訪米へ</h1><p>首相は来月、アメリカを訪問し、大統領と会談する予定だと政府関係者が明らかにした。</p><p>会談では経済や安全保障の問題について話し合うとみられている。</p>"), nil},
		{"a few english words", page("<p>Home. News. Sport. Weather.</p><p>Sign in to read more.</p>"), extract.ErrNoArticle},
		{"a few ideographs", page("<p>首页，新闻，体育。</p>"), extract.ErrNoArticle},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if tt.want == nil && len(p.Paragraphs) == 0 {
				t.Errorf("no paragraphs")
			}
		})
	}
}
