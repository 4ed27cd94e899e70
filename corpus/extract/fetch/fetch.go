// Package fetch gets web pages and feeds a user names and extracts their
// articles, carefully: http and https only, a 15 s overall timeout, at most
// 5 redirects, a body limit of extract.MaxSize, and only HTML pages and
// raw Markdown (served as text/markdown, or as text/plain under a .md
// name). Feeds (RSS, Atom, JSON Feed) are read with gofeed.
//
// It owns the network behaviour of newsdiff's import commands and must not
// know about corpus, terminals or the SSH server: nothing the server runs
// reaches the network.
package fetch

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
)

// Limits of a fetch.
const (
	Timeout      = 15 * time.Second // for one page, connection to last byte
	MaxRedirects = 5
	// MaxParallel is how many pages of a feed are fetched at a time: enough
	// to hide latency, few enough not to hammer one outlet's server.
	MaxParallel = 4
)

// Client fetches pages. Its zero value is not usable; use New.
type Client struct {
	HTTP      *http.Client
	UserAgent string

	// Markdown reads the article of a Markdown page from its body,
	// front matter and all, as a saved .md file is read: front matter is
	// the business of a layer above this one. Nil reads the body with
	// extract.Markdown, which knows no front matter.
	Markdown func(src []byte) (extract.Page, error)
}

// New returns a client with the limits above.
func New() *Client {
	return &Client{
		HTTP: &http.Client{
			Timeout: Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > MaxRedirects {
					return fmt.Errorf("more than %d redirects", MaxRedirects)
				}
				return checkScheme(req.URL)
			},
		},
		UserAgent: "newsdiff/" + Version(),
	}
}

// Version is the version newsdiff was built as, or "dev".
func Version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// IsURL reports whether s is meant as a web address: it starts with
// http:// or https://.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https addresses are fetched, not %q", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("the address has no host")
	}
	return nil
}

// Response is a fetched body and what it was served as.
type response struct {
	body        []byte
	contentType string
	finalURL    string
}

// get fetches rawURL with the client's limits. accept decides from the
// media type, and the address the body is served from (after redirects),
// whether the body is wanted; a refusal names the type.
func (c *Client) get(ctx context.Context, rawURL, acceptHeader string, accept func(mediaType string, served *url.URL) error) (*response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// The caller names the address; url.Parse's error repeats it.
		var ue *url.Error
		if errors.As(err, &ue) {
			return nil, fmt.Errorf("not an address: %w", ue.Err)
		}
		return nil, err
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", acceptHeader)
	// net/http asks for gzip and decompresses it itself when the request
	// sets no Accept-Encoding of its own.
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, c.cleanError(err, u)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the server answered %s, not a page", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if err := accept(mt, resp.Request.URL); err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, extract.MaxSize+1))
	if err != nil {
		return nil, c.cleanError(err, u)
	}
	if len(body) > extract.MaxSize {
		return nil, fmt.Errorf("the page is %w; stopped reading", extract.ErrTooLarge)
	}
	return &response{body: body, contentType: ct, finalURL: resp.Request.URL.String()}, nil
}

// cleanError says what went wrong in words a reader of the command's
// output understands, without the method and address a *url.Error
// repeats: the caller names the page. The host that failed is named,
// since after a redirect it is not the page's, and the library's words
// are kept in brackets where they say more ("tls: first record does not
// look like a TLS handshake"). u is the address asked for.
func (c *Client) cleanError(err error, u *url.URL) error {
	host := u.Host
	var ue *url.Error
	if errors.As(err, &ue) {
		if failed, perr := url.Parse(ue.URL); perr == nil && failed.Host != "" {
			host = failed.Host
		}
	}
	host = hostName(host)
	var timeout interface{ Timeout() bool }
	if errors.As(err, &timeout) && timeout.Timeout() {
		// The host, as for every other failure: after a redirect it is
		// not the page's.
		return fmt.Errorf("%s gave no complete answer within %s", host, c.HTTP.Timeout)
	}
	var (
		dns       *net.DNSError
		record    tls.RecordHeaderError
		unknownCA x509.UnknownAuthorityError
		wrongHost x509.HostnameError
		invalid   x509.CertificateInvalidError
		verify    *tls.CertificateVerificationError
		alert     tls.AlertError
	)
	switch {
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Errorf("no such host %s", hostName(dns.Name))
	case errors.As(err, &dns):
		return fmt.Errorf("cannot look up %s (%s)", hostName(dns.Name), printable(dns.Err))
	case errors.Is(err, syscall.ECONNREFUSED):
		// "dial tcp 127.0.0.1:1: connect: connection refused" named the
		// dialer's internals.
		return fmt.Errorf("%s refused the connection (no server listens there)", host)
	case errors.Is(err, syscall.ECONNRESET):
		return fmt.Errorf("%s reset the connection", host)
	case errors.Is(err, io.ErrUnexpectedEOF):
		// "unexpected EOF" named no one: the body was shorter than the
		// server said it would be.
		return errors.New("the server closed the connection before the page was complete")
	case errors.Is(err, io.EOF), strings.Contains(err.Error(), "http: server closed idle connection"):
		// "EOF": the server closed the connection before any answer;
		// net/http says "server closed idle connection" when the close
		// came before the request was sent.
		return fmt.Errorf("%s closed the connection without answering", host)
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return fmt.Errorf("%s cannot be reached", host)
	case errors.As(err, &record):
		// An https address of a server that speaks something else.
		return fmt.Errorf("%s does not speak HTTPS (%s)", host, printable(record.Error()))
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http's own words for a RecordHeaderError that reads "HTTP/".
		return fmt.Errorf("%s does not speak HTTPS: it answered in plain HTTP (an http:// address may work)", host)
	case errors.As(err, &unknownCA):
		return fmt.Errorf("the certificate of %s is not trusted (%s)", host, printable(unknownCA.Error()))
	case errors.As(err, &wrongHost):
		return fmt.Errorf("the certificate of %s is for another host (%s)", host, printable(wrongHost.Error()))
	case errors.As(err, &invalid):
		return fmt.Errorf("the certificate of %s is not valid (%s)", host, printable(invalid.Error()))
	case errors.As(err, &verify):
		return fmt.Errorf("the certificate of %s cannot be verified (%s)", host, printable(verify.Err.Error()))
	case errors.As(err, &alert):
		return fmt.Errorf("the secure connection to %s failed (%s)", host, printable(alert.Error()))
	}
	msg := err.Error()
	if ue != nil {
		msg = ue.Err.Error()
	}
	if i := strings.Index(msg, "malformed HTTP "); i >= 0 {
		// "net/http: HTTP/1.x transport connection broken: malformed
		// HTTP response "SSH-2.0-…"": not a web server.
		return fmt.Errorf("%s does not answer in HTTP (%s)", host, shorten(msg[i:], 80))
	}
	if ue != nil {
		return ue.Err
	}
	return err
}

// hostName returns a host fit to print in a message: as it is when it is
// made only of what a host and port are written with, else quoted with
// Go's escapes.
func hostName(h string) string {
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_:[]%", r)) {
			return strconv.Quote(h)
		}
	}
	return h
}

// printable returns a library's message fit to print: as it is when every
// rune prints, else quoted with Go's escapes. x509 repeats the names a
// server put in its certificate, and those are the server's to choose:
// an escape sequence or a bidi override among them must not reach a
// terminal or a log raw.
func printable(msg string) string {
	if strings.IndexFunc(msg, func(r rune) bool { return !strconv.IsPrint(r) }) < 0 {
		return msg
	}
	return strconv.Quote(msg)
}

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// acceptHTML wants an HTML page, or raw Markdown (see isMarkdown); a
// response without a type is sniffed by the extractor, which fails on
// what is not a page. One of the types of any XML or JSON is taken too,
// for Page to tell a feed from other data by its bytes: many feeds are
// served so.
func acceptHTML(mt string, served *url.URL) error {
	switch {
	case mt == "text/html", mt == "application/xhtml+xml", mt == "", isMarkdown(mt, served):
		return nil
	case mt == "application/rss+xml", mt == "application/atom+xml", mt == "application/feed+json", mt == "application/rdf+xml":
		return fmt.Errorf("a feed, not a web page: the server sent %s (newsdiff add --feed adds a feed's items)", mt)
	case anyData(mt):
		return nil
	}
	return notPage(mt)
}

// isMarkdown says whether a body of type mt served from the address
// served is raw Markdown: text/markdown (RFC 7763) or its older
// text/x-markdown, or text/plain, or no type, under a .md or .markdown
// name, as servers of raw files (GitHub's among them) serve a Markdown
// file. It was "not a web page" where the same file saved is read.
func isMarkdown(mt string, served *url.URL) bool {
	switch mt {
	case "text/markdown", "text/x-markdown":
		return true
	case "text/plain", "":
		ext := strings.ToLower(path.Ext(served.Path))
		return ext == ".md" || ext == ".markdown"
	}
	return false
}

// anyData says whether mt is a type of any XML or JSON, feeds among them.
func anyData(mt string) bool {
	return mt == "text/xml" || mt == "application/xml" || mt == "application/json"
}

// notPage is the error for a response of type mt, which is not a page.
func notPage(mt string) error {
	return fmt.Errorf("not a web page: the server sent %s (newsdiff reads HTML pages and Markdown)", mt)
}

// Page fetches the page at rawURL and extracts its article. The article's
// URL is the address the page was finally served from, unless the page
// names its canonical address.
func (c *Client) Page(ctx context.Context, rawURL string) (extract.Page, error) {
	resp, err := c.get(ctx, rawURL, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", acceptHTML)
	if err != nil {
		return extract.Page{}, err
	}
	mt, _, _ := mime.ParseMediaType(resp.contentType)
	if served, err := url.Parse(resp.finalURL); err == nil && isMarkdown(mt, served) {
		return c.markdownPage(resp)
	}
	if anyData(mt) {
		// A feed's address given as a page's was "not a web page" with
		// no word of what reads it.
		switch kind := FeedKind(resp.body); kind {
		case "":
			return extract.Page{}, notPage(mt)
		case "JSON Feed":
			return extract.Page{}, fmt.Errorf("a JSON Feed, not a web page: the server sent %s (newsdiff add --feed adds a feed's items)", mt)
		default:
			return extract.Page{}, fmt.Errorf("an %s feed, not a web page: the server sent %s (newsdiff add --feed adds a feed's items)", kind, mt)
		}
	}
	return extract.HTML(ctx, bytes.NewReader(resp.body), resp.finalURL, resp.contentType)
}

// markdownPage reads the article of a Markdown page, named by the
// address it was served from unless its front matter gives one.
func (c *Client) markdownPage(resp *response) (extract.Page, error) {
	read := c.Markdown
	if read == nil {
		read = extract.Markdown
	}
	p, err := read(resp.body)
	if err != nil {
		return extract.Page{}, err
	}
	if p.Title == "" && len(p.Paragraphs) == 0 {
		return extract.Page{}, extract.ErrNoArticle
	}
	if p.URL == "" {
		p.URL = resp.finalURL
	}
	return p, nil
}

// feedTypes are the media types feeds are served as, text/html aside.
func acceptFeed(mt string, _ *url.URL) error {
	switch {
	case mt == "", strings.Contains(mt, "xml"), strings.Contains(mt, "json"), mt == "text/plain":
		return nil
	}
	return fmt.Errorf("not a feed: the server sent %s (newsdiff reads RSS, Atom and JSON Feed)", mt)
}

// FeedItems fetches the feed at rawURL and returns the links of its newest
// items, newest first, at most limit of them. Items without a date keep
// their feed order after the dated ones.
func (c *Client) FeedItems(ctx context.Context, rawURL string, limit int) ([]string, FeedSkips, error) {
	resp, err := c.get(ctx, rawURL, "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.1", acceptFeed)
	if err != nil {
		return nil, FeedSkips{}, err
	}
	base, _ := url.Parse(resp.finalURL)
	return feedLinks(resp.body, base, limit) // every link resolves against base
}

// FeedSkips counts the items of a feed that name no page to add, by why,
// so that they are not left out unsaid.
type FeedSkips struct {
	// Relative is the items whose relative link the feed gives no
	// address (its own or its site's) to resolve against.
	Relative int
	// NoLink is the items with no link at all, nor a guid that is a web
	// address, in the feed's order: with no link to name them by, they
	// are named by their titles (or places).
	NoLink []FeedItem
	// NotWeb is the items whose link is no http(s) address (mailto:,
	// a link that does not parse).
	NotWeb int
}

// Count is how many items were left out.
func (s FeedSkips) Count() int { return s.Relative + len(s.NoLink) + s.NotWeb }

// FeedItem names an item of a feed that has no link.
type FeedItem struct {
	// Title is the item's title as the feed gives it, its spaces
	// trimmed: untrusted text, "" when there is none.
	Title string
	// Number is the item's place in the feed as it is written, from 1.
	Number int
}

// FeedKind names the kind of feed body is, "RSS", "Atom" or "JSON Feed",
// or is "" when body is none: a feed piped in where a page is read would
// otherwise be taken for one, its item summaries for an article.
func FeedKind(body []byte) string {
	switch gofeed.DetectFeedType(bytes.NewReader(body)) {
	case gofeed.FeedTypeRSS:
		return "RSS"
	case gofeed.FeedTypeAtom:
		return "Atom"
	case gofeed.FeedTypeJSON:
		return "JSON Feed"
	}
	return ""
}

// FeedFileItems reads a saved feed, body, and returns the links of its
// newest items as FeedItems does. A relative link is resolved against
// the address the feed gives of itself or of its site, and is left out
// when it gives none: skips counts those, and the items with no link,
// so that the items the feed lists are not left out unsaid.
func FeedFileItems(body []byte, limit int) (links []string, skips FeedSkips, err error) {
	return feedLinks(body, nil, limit)
}

// feedLinks reads a feed's bytes and returns the links of its newest
// items, newest first, at most limit of them, resolved against base (or,
// when base is nil, the feed's own address or its site's), and how many
// items were left out, by why.
func feedLinks(body []byte, base *url.URL, limit int) (links []string, skips FeedSkips, err error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(dropControlRefs(body)))
	if err != nil {
		return nil, skips, fmt.Errorf("not a feed newsdiff reads (RSS, Atom or JSON Feed): %w", err)
	}
	if base == nil {
		for _, l := range []string{feed.FeedLink, feed.Link} {
			if u, err := url.Parse(strings.TrimSpace(l)); err == nil && checkScheme(u) == nil {
				base = u
				break
			}
		}
	}
	items := slices.Clone(feed.Items)
	number := make(map[*gofeed.Item]int, len(items))
	for i, it := range items {
		number[it] = i + 1
	}
	slices.SortStableFunc(items, func(a, b *gofeed.Item) int {
		ta, tb := itemTime(a), itemTime(b)
		switch {
		case ta.Equal(tb):
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return tb.Compare(ta)
	})
	seen := map[string]bool{}
	for _, it := range items {
		if len(links) == limit {
			break
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" && IsURL(strings.TrimSpace(it.GUID)) {
			// An RSS item may give its address only as its guid, which
			// is a permalink unless it says otherwise.
			link = strings.TrimSpace(it.GUID)
		}
		if link == "" {
			skips.NoLink = append(skips.NoLink, FeedItem{Title: strings.TrimSpace(it.Title), Number: number[it]})
			continue
		}
		// Only a web address is a page to add; a link that is none (or
		// does not parse) is left out, and counted, rather than failed
		// later.
		ref, err := url.Parse(link)
		if err != nil {
			skips.NotWeb++
			continue
		}
		if base != nil {
			ref = base.ResolveReference(ref)
		}
		link = ref.String()
		if checkScheme(ref) != nil {
			// A relative link listed twice is one item left out. (A
			// relative link never reads as an absolute one, so the two
			// share seen.)
			if !seen[link] {
				seen[link] = true
				if base == nil && !ref.IsAbs() {
					skips.Relative++
				} else {
					skips.NotWeb++
				}
			}
			continue
		}
		if !seen[link] {
			seen[link] = true
			links = append(links, link)
		}
	}
	slices.SortFunc(skips.NoLink, func(a, b FeedItem) int { return a.Number - b.Number })
	return links, skips, nil
}

// controlRef matches a character reference to a control character XML
// 1.0 does not allow: those below U+0020 but tab, line feed and carriage
// return. It is compiled for the first feed that has a reference, not as
// the program starts: compiling the pattern was the largest part of
// newsdiff's own packages' initialisation.
var controlRef = lazy.Value[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-24-9]|2[0-9]|3[01]));`)
}}

// dropControlRefs returns an XML feed without its references to control
// characters XML does not allow ("&#x1b;", "&#8;", pasted into a title
// with an escape or a backspace), which made the parser refuse the whole
// feed, where it drops such a character written raw. Nothing shows them,
// and a JSON feed is returned as it is.
func dropControlRefs(body []byte) []byte {
	if t := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\ufeff")), " \t\r\n"); len(t) > 0 && t[0] != '<' {
		return body
	}
	if !bytes.Contains(body, []byte("&#")) {
		return body
	}
	return controlRef.Get().ReplaceAll(body, nil)
}

func itemTime(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// Result is one page of a batch: its article, or why there is none.
type Result struct {
	URL  string
	Page extract.Page
	Err  error
}

// Pages fetches urls, at most MaxParallel at a time, and returns one
// result per URL in the order given. It stops starting new fetches when
// ctx ends; the pages not fetched then carry ctx's error.
func (c *Client) Pages(ctx context.Context, urls []string) []Result {
	results := make([]Result, len(urls))
	sem := make(chan struct{}, MaxParallel)
	var wg sync.WaitGroup
	for i, u := range urls {
		results[i].URL = u
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			results[i].Err = ctx.Err()
			continue
		}
		wg.Go(func() {
			defer func() { <-sem }()
			results[i].Page, results[i].Err = c.Page(ctx, u)
		})
	}
	wg.Wait()
	return results
}
