package fetch

import (
	"net/url"
	"testing"
)

// FuzzFeedLinks feeds arbitrary bytes to the feed reader: it must not
// panic, must respect the limit, and must return only absolute http and
// https links, each once.
func FuzzFeedLinks(f *testing.F) {
	for _, s := range []string{
		`<rss version="2.0"><channel><item><link>/a</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item><item><link>/b</link></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/><updated>2024-03-01T00:00:00Z</updated></entry></feed>`,
		`{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "/one", "date_published": "2024-03-01T00:00:00Z"}]}`,
		`<rss><channel><item><link>javascript:alert(1)</link></item><item><link>https://x.example/a</link></item><item><link>//x.example/a</link></item><item><link>mailto:a@x</link></item><item><link>https:///nohost</link></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>x</link></item></rdf:RDF>`,
	} {
		f.Add([]byte(s), 3)
	}
	base, _ := url.Parse("https://news.example/feed.xml")
	f.Fuzz(func(t *testing.T, body []byte, limit int) {
		limit = limit%50 + 1
		if limit < 1 {
			limit += 50
		}
		links, _, err := feedLinks(body, base, limit)
		if err != nil {
			return
		}
		if len(links) > limit {
			t.Fatalf("%d links, limit %d", len(links), limit)
		}
		seen := map[string]bool{}
		for _, l := range links {
			// Each link is fetched next: it must be a web address the
			// fetcher accepts, and each page is fetched once.
			u, err := url.Parse(l)
			if err != nil || !u.IsAbs() || checkScheme(u) != nil {
				t.Fatalf("link %q is not an absolute http or https address", l)
			}
			if seen[l] {
				t.Fatalf("link %q returned twice in %q", l, links)
			}
			seen[l] = true
		}
	})
}
