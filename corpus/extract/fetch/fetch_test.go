package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/extract/fetch"
)

func testdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// server serves the test pages, redirects, failures and feeds.
func server(t *testing.T) (*httptest.Server, *atomic.Value) {
	t.Helper()
	article := testdata(t, "article.html")
	cp1252 := testdata(t, "cp1252.html")
	var userAgent atomic.Value
	userAgent.Store("")
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		userAgent.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(article)
		zw.Close()
	})
	mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(cp1252)
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/redirect/"))
		if n == 0 {
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/a.html", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>words words words words words words words</p>\n"), 1<<10)
		for written := 0; written < 20<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/untyped-blob", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Type at all (net/http would sniff one otherwise).
		w.Header()["Content-Type"] = nil
		w.Write(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte("The bridge reopened on Tuesday. "), 20)...))
	})
	mux.HandleFunc("/cut-short", func(w http.ResponseWriter, r *http.Request) {
		// The server promises more than it sends, and closes.
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "100000")
		w.Write([]byte("<html><body><p>The bridge reopened"))
	})
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Old</title><link>/old</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Newest</title><link>http://%s/newest</link><pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Undated</title><link>/undated</link></item>
<item><title>Not a page</title><link>javascript:alert(1)</link></item>
<item><title>Another scheme</title><link>ftp://files.example/a</link></item>
<item><title>Middle</title><link>/middle</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Address as guid</title><guid>http://%s/guid-only</guid><pubDate>Sat, 02 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Guid no address</title><guid isPermaLink="false">courier-4711</guid><pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>`, r.Host, r.Host)
	})
	mux.HandleFunc("/atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		w.Write([]byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><title>A</title><link href="/a"/><updated>2024-03-01T00:00:00Z</updated></entry>
<entry><title>B</title><link href="/b"/><updated>2024-03-02T00:00:00Z</updated></entry></feed>`))
	})
	mux.HandleFunc("/json-feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		w.Write([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "Courier", "items": [
{"id": "1", "url": "/one", "date_published": "2024-03-01T00:00:00Z"},
{"id": "2", "url": "/two", "date_published": "2024-03-03T00:00:00Z"}]}`))
	})
	// Feeds as many sites serve them, under the types of any XML or
	// JSON, and XML that is no feed.
	for _, as := range []struct{ path, feed, typ string }{
		{"/rss-as-xml", "/rss", "text/xml; charset=utf-8"},
		{"/atom-as-xml", "/atom", "application/xml"},
		{"/json-feed-as-json", "/json-feed", "application/json"},
	} {
		mux.HandleFunc(as.path, func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, as.feed, nil))
			w.Header().Set("Content-Type", as.typ)
			w.Write(rec.Body.Bytes())
		})
	}
	mux.HandleFunc("/data.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write([]byte(`<?xml version="1.0"?><sitemap><url>/a</url></sitemap>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &userAgent
}

func TestPage(t *testing.T) {
	srv, userAgent := server(t)
	c := fetch.New()
	p, err := c.Page(context.Background(), srv.URL+"/article")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Harbour bridge reopens after storm repairs" || p.Outlet != "The Example Courier" {
		t.Errorf("title %q outlet %q", p.Title, p.Outlet)
	}
	if ua := userAgent.Load().(string); ua != "newsdiff/"+fetch.Version() {
		t.Errorf("User-Agent %q", ua)
	}
	if c.HTTP.Timeout != 15*time.Second {
		t.Errorf("timeout %v, want 15s", c.HTTP.Timeout)
	}
}

func TestPageEncodings(t *testing.T) {
	srv, _ := server(t)
	c := fetch.New()
	p, err := c.Page(context.Background(), srv.URL+"/gzip")
	if err != nil || len(p.Paragraphs) < 4 {
		t.Fatalf("gzip: %v, %d paragraphs", err, len(p.Paragraphs))
	}
	p, err = c.Page(context.Background(), srv.URL+"/cp1252")
	if err != nil {
		t.Fatal(err)
	}
	if want := "« C’était long », a déclaré une infirmière"; !strings.Contains(string(p.Text()), want) {
		t.Errorf("windows-1252 page: want %q in\n%s", want, p.Text())
	}
	// A page whose address is not canonical is named by where it was served.
	if !strings.HasSuffix(p.URL, "/cp1252") {
		t.Errorf("URL %q", p.URL)
	}
}

func TestPageFailures(t *testing.T) {
	srv, _ := server(t)
	tests := []struct {
		path string
		want string
	}{
		{"/redirect/4", ""}, // five redirects in all: allowed
		{"/redirect/5", "more than 5 redirects"},
		{"/to-ftp", `only http and https addresses are fetched, not "ftp"`},
		{"/missing", "the server answered 404 Not Found"},
		{"/broken", "the server answered 503 Service Unavailable"},
		{"/huge", "larger than the 5 MiB limit"},
		{"/image.png", "not a web page: the server sent image/png"},
		{"/cut-short", "the server closed the connection before the page was complete"},
		{"/untyped-blob", "not a web page: binary data (NUL byte at 8)"},
		{"/rss", "a feed, not a web page: the server sent application/rss+xml (newsdiff add --feed adds a feed's items)"},
		// A feed served as any XML or JSON was "not a web page: the
		// server sent application/xml (newsdiff reads HTML pages)",
		// with no word of --feed.
		{"/rss-as-xml", "an RSS feed, not a web page: the server sent text/xml (newsdiff add --feed adds a feed's items)"},
		{"/atom-as-xml", "an Atom feed, not a web page: the server sent application/xml (newsdiff add --feed adds a feed's items)"},
		{"/json-feed-as-json", "a JSON Feed, not a web page: the server sent application/json (newsdiff add --feed adds a feed's items)"},
		{"/data.xml", "not a web page: the server sent application/xml (newsdiff reads HTML pages and Markdown)"},
	}
	c := fetch.New()
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Page(context.Background(), srv.URL+tt.path)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	for _, u := range []string{"ftp://files.example/a", "file:///etc/passwd", "http://"} {
		if _, err := c.Page(context.Background(), u); err == nil {
			t.Errorf("%s: fetched, want refused", u)
		}
	}
}

// TestPageTimeout uses a shorter timeout than the real one so the test
// stays quick; the mechanism is the client's own.
func TestPageTimeout(t *testing.T) {
	srv, _ := server(t)
	c := fetch.New()
	c.HTTP.Timeout = 200 * time.Millisecond
	_, err := c.Page(context.Background(), srv.URL+"/slow")
	// The host is named, as for every other failure: it was not.
	if want := strings.TrimPrefix(srv.URL, "http://") + " gave no complete answer within 200ms"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fetch.New().Page(ctx, srv.URL+"/article"); err == nil {
		t.Error("a cancelled context still fetched")
	}
}

func TestFeedItems(t *testing.T) {
	srv, _ := server(t)
	c := fetch.New()
	tests := []struct {
		path  string
		limit int
		want  []string
	}{
		{"/rss", 20, []string{"/newest", "/middle", "/old", "/guid-only", "/undated"}},
		{"/rss", 2, []string{"/newest", "/middle"}},
		{"/atom", 20, []string{"/b", "/a"}},
		{"/json-feed", 20, []string{"/two", "/one"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.path, tt.limit), func(t *testing.T) {
			got, _, err := c.FeedItems(context.Background(), srv.URL+tt.path, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, p := range tt.want {
				want = append(want, srv.URL+p)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
	if _, _, err := c.FeedItems(context.Background(), srv.URL+"/article", 20); err == nil || !strings.Contains(err.Error(), "not a feed") {
		t.Errorf("an HTML page as a feed: got %v", err)
	}
}

// TestFeedFileItems checks a feed read from a file: its relative links
// resolve against the address it gives of itself, else of its site, and
// are left out when it gives neither.
func TestFeedFileItems(t *testing.T) {
	tests := []struct {
		name, feed string
		want       []string
		skips      fetch.FeedSkips
	}{
		{"RSS with its site's address", `<rss version="2.0"><channel><title>C</title><link>https://courier.example/news/</link>
<item><link>2024/a</link></item><item><link>https://other.example/b</link></item></channel></rss>`,
			[]string{"https://courier.example/news/2024/a", "https://other.example/b"}, fetch.FeedSkips{}},
		{"Atom with its own address", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>C</title>
<link rel="self" href="https://courier.example/feeds/atom.xml"/><link href="https://www.courier.example/"/>
<entry><title>A</title><link href="/a"/></entry></feed>`,
			[]string{"https://courier.example/a"}, fetch.FeedSkips{}},
		{"no address to resolve against", `<rss version="2.0"><channel><title>C</title>
<item><link>/a</link></item><item><link>https://courier.example/b</link></item><item><link>2024/c</link></item></channel></rss>`,
			[]string{"https://courier.example/b"}, fetch.FeedSkips{Relative: 2}},
		// A regression test: a relative link the feed lists twice (an
		// item repeated, or listed under two categories) was counted
		// twice, as two items left out.
		{"a relative link listed twice", `<rss version="2.0"><channel><title>C</title>
<item><link>/a</link></item><item><link>https://courier.example/b</link></item><item><link> /a </link></item><item><link>2024/c</link></item></channel></rss>`,
			[]string{"https://courier.example/b"}, fetch.FeedSkips{Relative: 2}},
		{"a link that is no web address", `<rss version="2.0"><channel><title>C</title>
<item><link>mailto:desk@courier.example</link></item><item><link>https://courier.example/b</link></item></channel></rss>`,
			[]string{"https://courier.example/b"}, fetch.FeedSkips{NotWeb: 1}},
		// A regression test: an item with no link at all was left out
		// unsaid, where one with a relative link was counted.
		{"an item with no link", `<rss version="2.0"><channel><title>C</title>
<item><title>Briefing</title><description>No page.</description></item><item><link>https://courier.example/b</link></item></channel></rss>`,
			[]string{"https://courier.example/b"}, fetch.FeedSkips{NoLink: []fetch.FeedItem{{Title: "Briefing", Number: 1}}}},
		// A regression test: items with no link were only counted, and
		// so could not be told apart or found. Each is named by its
		// title, trimmed, or its place in the feed, in the feed's
		// order whatever their dates.
		{"items with no link, titled or not", `<rss version="2.0"><channel><title>C</title>
<item><link>https://courier.example/a</link></item>
<item><title> Council
 votes </title><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><description>Untitled.</description></item>
<item><title>Later</title><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>`,
			[]string{"https://courier.example/a"}, fetch.FeedSkips{NoLink: []fetch.FeedItem{{Title: "Council\n votes", Number: 2}, {Number: 3}, {Title: "Later", Number: 4}}}},
		// A regression test: a character reference XML does not allow
		// (an escape, a backspace pasted into a headline: "&#x1b;",
		// "&#8;") made the whole feed "not a feed newsdiff reads",
		// where a raw control byte, which the parser drops, did not.
		{"a reference to a control character", `<rss version="2.0"><channel><title>C&#8;</title>
<item><title>Storm &#x1B;[31mhits&#0011; &#x26; &#38; &#10;coast</title><link>https://courier.example/a</link></item></channel></rss>`,
			[]string{"https://courier.example/a"}, fetch.FeedSkips{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, skips, err := fetch.FeedFileItems([]byte(tt.feed), 20)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) || !reflect.DeepEqual(skips, tt.skips) {
				t.Errorf("got %q and %+v left out, want %q and %+v", got, skips, tt.want, tt.skips)
			}
		})
	}
	if _, _, err := fetch.FeedFileItems([]byte("<html><p>no feed</p></html>"), 20); err == nil || !strings.Contains(err.Error(), "not a feed") {
		t.Errorf("a page as a feed: got %v", err)
	}
}

// TestFeedKind checks that a feed is told from a page, so that one piped
// in where a page is read is not saved as an article.
func TestFeedKind(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{`<?xml version="1.0"?><rss version="2.0"><channel><title>C</title></channel></rss>`, "RSS"},
		{`<feed xmlns="http://www.w3.org/2005/Atom"><title>C</title></feed>`, "Atom"},
		{`{"version": "https://jsonfeed.org/version/1.1", "title": "C", "items": []}`, "JSON Feed"},
		{`<!doctype html><html><body><article><p>Words.</p></article></body></html>`, ""},
		{`Plain words.`, ""},
	} {
		if got := fetch.FeedKind([]byte(tt.body)); got != tt.want {
			t.Errorf("FeedKind(%.30q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestPagesParallel checks that a batch fetches at most MaxParallel pages
// at a time and keeps the order given.
func TestPagesParallel(t *testing.T) {
	article := testdata(t, "article.html")
	var mu sync.Mutex
	inFlight, most := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
		if r.URL.Path == "/bad" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(article)
	}))
	defer srv.Close()
	var urls []string
	for i := range 10 {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i))
	}
	urls[3] = srv.URL + "/bad"
	results := fetch.New().Pages(context.Background(), urls)
	if most > fetch.MaxParallel || most < 2 {
		t.Errorf("%d pages fetched at once, want 2 to %d", most, fetch.MaxParallel)
	}
	for i, r := range results {
		if r.URL != urls[i] {
			t.Errorf("result %d is for %s, want %s", i, r.URL, urls[i])
		}
		if (r.Err != nil) != (i == 3) {
			t.Errorf("result %d: error %v", i, r.Err)
		}
	}
}

// TestFailureSaidPlainly checks the words of a page that cannot be
// fetched: "dial tcp 127.0.0.1:1: connect: connection refused" named the
// dialer's internals, and a malformed address was repeated by url.Parse
// ("parse "http://exa mple.org/": invalid character …").
func TestFailureSaidPlainly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/story"
	ln.Close()
	c := fetch.New()
	for _, tt := range []struct {
		url, want string
	}{
		{closed, ln.Addr().String() + " refused the connection (no server listens there)"},
		{"http://exa mple.org/", `not an address: invalid character " " in host name`},
	} {
		_, err := c.Page(context.Background(), tt.url)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %q", tt.url, err, tt.want)
		}
	}
}

// listen serves each connection to a listener on 127.0.0.1 with serve and
// returns its address.
func listen(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(conn)
		}
	}()
	return ln.Addr().String()
}

// TestNetworkFailuresSaidPlainly checks that a server that is not the web
// server asked for is named with what is wrong, in words: "tls: first
// record does not look like a TLS handshake", "net/http: HTTP/1.x
// transport connection broken: malformed HTTP response …", "EOF" and the
// x509 errors reached the user as the libraries said them.
func TestNetworkFailuresSaidPlainly(t *testing.T) {
	// Each reads the request first, so that closing does not reset it.
	answer := func(reply string) func(net.Conn) {
		return func(conn net.Conn) {
			defer conn.Close()
			conn.Read(make([]byte, 4096))
			io.WriteString(conn, reply)
		}
	}
	ssh := listen(t, answer("SSH-2.0-OpenSSH_9.6\r\n"))
	badStatus := listen(t, answer("HTTP/1.1 abc OK\r\n\r\n"))
	// It reads the request before it closes: closing at once races the
	// request, so that the client sees a reset, or net/http its own "server
	// closed idle connection", as often as the end of the connection.
	closes := listen(t, answer(""))
	resets := listen(t, func(conn net.Conn) {
		conn.Read(make([]byte, 4096))
		conn.(*net.TCPConn).SetLinger(0) // close with a reset
		conn.Close()
	})
	article := testdata(t, "article.html")
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(article)
	}))
	t.Cleanup(plain.Close)
	secure := httptest.NewUnstartedServer(plain.Config.Handler)
	// The handshakes refused are the test's, not news to its log.
	secure.Config.ErrorLog = log.New(io.Discard, "", 0)
	secure.StartTLS()
	t.Cleanup(secure.Close)
	secureAddr := secure.Listener.Addr().String()
	_, securePort, _ := net.SplitHostPort(secureAddr)

	// trusting trusts the test server's certificate, which names
	// example.com and 127.0.0.1 but not localhost.
	trusting := fetch.New()
	trusting.HTTP.Transport = secure.Client().Transport

	for _, tt := range []struct {
		name   string
		client *fetch.Client
		url    string
		want   string
	}{
		{"https to a plain HTTP server", fetch.New(), "https://" + plain.Listener.Addr().String() + "/a",
			plain.Listener.Addr().String() + " does not speak HTTPS: it answered in plain HTTP (an http:// address may work)"},
		{"https to an SSH server", fetch.New(), "https://" + ssh + "/a",
			ssh + " does not speak HTTPS (tls: first record does not look like a TLS handshake)"},
		{"http to an SSH server", fetch.New(), "http://" + ssh + "/a",
			ssh + ` does not answer in HTTP (malformed HTTP response "SSH-2.0-OpenSSH_9.6")`},
		{"a status that is not a number", fetch.New(), "http://" + badStatus + "/a",
			badStatus + ` does not answer in HTTP (malformed HTTP status code "abc")`},
		{"closed without an answer", fetch.New(), "http://" + closes + "/a",
			closes + " closed the connection without answering"},
		{"reset", fetch.New(), "http://" + resets + "/a",
			resets + " reset the connection"},
		{"a certificate no one vouches for", fetch.New(), secure.URL + "/a",
			"the certificate of " + secureAddr + " is not trusted (x509: certificate signed by unknown authority)"},
		{"a certificate for another host", trusting, "https://localhost:" + securePort + "/a",
			"the certificate of localhost:" + securePort + " is for another host (x509: certificate is valid for example.com, *.example.com, not localhost)"},
		{"a trusted certificate", trusting, secure.URL + "/a", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.client.Page(context.Background(), tt.url)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestRedirectFailureNamesHost checks that a failure after a redirect
// names the host that failed, not the page asked for: the caller names
// that one already.
func TestRedirectFailureNamesHost(t *testing.T) {
	// Read before closing, as in TestNetworkFailuresSaidPlainly.
	closes := listen(t, func(conn net.Conn) {
		defer conn.Close()
		conn.Read(make([]byte, 4096))
	})
	srv := httptest.NewServer(http.RedirectHandler("http://"+closes+"/moved", http.StatusFound))
	t.Cleanup(srv.Close)
	_, err := fetch.New().Page(context.Background(), srv.URL+"/a")
	if want := closes + " closed the connection without answering"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestLookupFailuresSaidPlainly looks names up with a name server on
// 127.0.0.1 that answers every question with rcode: a name that does not
// exist, and a server that fails, are each said in words naming the host.
func TestLookupFailuresSaidPlainly(t *testing.T) {
	for _, tt := range []struct {
		rcode byte
		host  string
		want  string
	}{
		{3, "news.example", "no such host news.example"},
		{2, "news.example", "cannot look up news.example (server misbehaving)"},
		// A host no terminal should draw as it is is quoted.
		{3, "news\u202e.example", `no such host "news\u202e.example"`},
	} {
		conn, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		go func() {
			buf := make([]byte, 512)
			for {
				n, from, err := conn.ReadFrom(buf)
				if err != nil {
					return
				}
				if n < 12 {
					continue
				}
				// The question back, as an answer with no records and
				// the rcode: id, flags (a response, recursion), counts.
				reply := append([]byte(nil), buf[:n]...)
				reply[2], reply[3] = 0x81, 0x80|tt.rcode
				copy(reply[6:12], []byte{0, 0, 0, 0, 0, 0})
				conn.WriteTo(reply, from)
			}
		}()
		resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", conn.LocalAddr().String())
		}}
		c := fetch.New()
		c.HTTP.Transport = &http.Transport{DialContext: (&net.Dialer{Resolver: resolver}).DialContext}
		_, err = c.Page(context.Background(), "http://"+tt.host+"/a")
		if err == nil || err.Error() != tt.want {
			t.Errorf("rcode %d: got %v, want %s", tt.rcode, err, tt.want)
		}
	}
}

// TestExpiredCertificate serves a page over TLS on 127.0.0.1 with a
// certificate the client trusts but that expired: it is said so, with the
// host, not as "tls: failed to verify certificate: x509: …".
func TestExpiredCertificate(t *testing.T) {
	srv, roots := serveCertificate(t, &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "newsdiff test"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	})
	c := fetch.New()
	c.HTTP.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}}
	_, err := c.Page(context.Background(), srv.URL+"/a")
	want := "the certificate of " + srv.Listener.Addr().String() + " is not valid (x509: certificate has expired or is not yet valid: "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s…", err, want)
	}
}

// TestCertificateNamesEscaped: the names in a server's certificate are the
// server's to choose, and x509 repeats them in its message. A name carrying
// an escape sequence or a bidi override reached the message raw.
func TestCertificateNamesEscaped(t *testing.T) {
	srv, roots := serveCertificate(t, &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "newsdiff test"},
		DNSNames:              []string{"evil\x1b]0;owned\x07.example", "\x1b[31mred.example"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	})
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	c := fetch.New()
	c.HTTP.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}}
	_, err := c.Page(context.Background(), "https://localhost:"+port+"/a")
	if err == nil {
		t.Fatal("no error for a certificate for other hosts")
	}
	want := "the certificate of localhost:" + port + ` is for another host ("x509: certificate is valid for evil\x1b]0;owned\a.example, \x1b[31mred.example, not localhost")`
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err.Error(), want)
	}
}

// serveCertificate serves 404s over TLS on 127.0.0.1 with a certificate
// made from template and signed by itself, and returns the roots that
// trust it.
func serveCertificate(t *testing.T, template *x509.Certificate) (*httptest.Server, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	roots := x509.NewCertPool()
	roots.AddCert(cert)
	return srv, roots
}

// TestClosedAtOnceSaidPlainly: a server that closes the connection as it
// comes, before reading the request, is said to have closed it or reset
// it, whichever the client sees first; net/http's own "http: server
// closed idle connection" reached the user when the close came before the
// request was sent.
func TestClosedAtOnceSaidPlainly(t *testing.T) {
	closes := listen(t, func(conn net.Conn) { conn.Close() })
	for range 20 {
		_, err := fetch.New().Page(context.Background(), "http://"+closes+"/a")
		if err == nil {
			t.Fatal("no error")
		}
		if got := err.Error(); got != closes+" closed the connection without answering" && got != closes+" reset the connection" {
			t.Fatalf("got %q, want it closed or reset by %s", got, closes)
		}
	}
}
