package corpus

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// TestTokensView checks every accessor of Tokens against the Token values
// At returns, on a text with every kind of token, and on a sub-run.
func TestTokensView(t *testing.T) {
	a := Parse("t", []byte("Title\n\nThe “U.S.” said: Hello, World — 30,000 \x1b[2J times…\nAgain."))
	ts := a.Tokens
	if ts.Len() == 0 {
		t.Fatal("no tokens")
	}
	end := a.Body.Start
	for i, tok := range ts.All() {
		if tok.Start != end {
			t.Errorf("token %d starts at %d, want %d (tokens touch)", i, tok.Start, end)
		}
		end = tok.End
		if ts.Kind(i) != tok.Kind || ts.Form(i) != tok.Form || ts.Span(i) != tok.Span {
			t.Errorf("token %d: Kind, Form, Span = %v %q %v, At = %+v", i, ts.Kind(i), ts.Form(i), ts.Span(i), tok)
		}
		if ts.FormID(i) < 0 || ts.FormID(i) >= ts.FormCount() {
			t.Errorf("token %d: FormID %d of %d", i, ts.FormID(i), ts.FormCount())
		}
		for j := range i {
			if same := ts.Form(j) == tok.Form; same != (ts.FormID(j) == ts.FormID(i)) {
				t.Errorf("tokens %d and %d: same form %v, same FormID %v", j, i, same, !same)
			}
		}
	}
	if end != a.Body.End {
		t.Errorf("tokens end at %d, want the body's end %d", end, a.Body.End)
	}
	sub := ts.In(Range{3, 7})
	if sub.Len() != 4 {
		t.Fatalf("In(3, 7).Len() = %d, want 4", sub.Len())
	}
	for i := range sub.Len() {
		if sub.At(i) != ts.At(3+i) {
			t.Errorf("In(3, 7).At(%d) = %+v, want %+v", i, sub.At(i), ts.At(3+i))
		}
	}
	if got := ts.AppendTo(nil); len(got) != ts.Len() || got[ts.Len()-1] != ts.At(ts.Len()-1) {
		t.Errorf("AppendTo gave %d tokens, want %d", len(got), ts.Len())
	}
	var zero Tokens
	if zero.Len() != 0 || zero.In(Range{}).Len() != 0 || CountWords(zero) != 0 {
		t.Error("the zero Tokens is not empty")
	}
	if empty := Parse("e", nil); empty.Tokens.Len() != 0 || empty.TokensIn(Span{0, 0}).Len() != 0 {
		t.Errorf("an empty article has %d tokens", empty.Tokens.Len())
	}
}

// TestNewTokensGaps checks a run of tokens that do not touch, as quote
// variants lay parts of an article end to end: each keeps its own end,
// and TokensIn finds only the tokens inside a span.
func TestNewTokensGaps(t *testing.T) {
	toks := []Token{
		{Span: Span{0, 3}, Kind: TokWord, Form: "one"},
		{Span: Span{3, 4}, Kind: TokSpace, Form: " "},
		{Span: Span{10, 13}, Kind: TokWord, Form: "two"},
		{Span: Span{20, 21}, Kind: TokPunct, Form: "."},
	}
	ts := NewTokens(toks)
	for i, want := range toks {
		if got := ts.At(i); got != want {
			t.Errorf("At(%d) = %+v, want %+v", i, got, want)
		}
	}
	a := &Article{Tokens: ts}
	for _, tt := range []struct {
		s    Span
		want Range
	}{
		{Span{0, 4}, Range{0, 2}},
		{Span{0, 12}, Range{0, 2}}, // "two" ends at 13
		{Span{4, 21}, Range{2, 4}},
		{Span{14, 19}, Range{3, 3}},
		{Span{0, 30}, Range{0, 4}},
	} {
		if got := a.TokensIn(tt.s); got != tt.want {
			t.Errorf("TokensIn(%v) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestTokensInMatchesScan checks TokensIn against a scan of every token,
// for every span of a short text and of one long enough that finding a
// span's end takes several galloping steps.
func TestTokensInMatchesScan(t *testing.T) {
	for _, text := range []string{
		"Title\n\nOne, two “three”. Four…",
		"Title\n\n" + strings.Repeat("One, two “three” four. ", 12) + "\n\nFive six…",
	} {
		tokensInMatchesScan(t, Parse("t", []byte(text)))
	}
}

func tokensInMatchesScan(t *testing.T, a *Article) {
	n := len(a.Raw)
	for s := 0; s <= n+1; s++ {
		for e := s; e <= n+1; e++ {
			want := Range{-1, -1}
			for i := range a.Tokens.Len() {
				tok := a.Tokens.At(i)
				if tok.Start >= s && want.Start < 0 {
					want.Start = i
				}
				if tok.End <= e {
					want.End = i + 1
				}
			}
			if want.Start < 0 {
				want.Start = a.Tokens.Len()
			}
			want.End = max(want.End, want.Start)
			if got := a.TokensIn(Span{s, e}); got != want {
				t.Fatalf("TokensIn(%d, %d) = %v, want %v", s, e, got, want)
			}
		}
	}
}

// liveBytesPerByte returns the heap an article of text keeps live, per
// byte of text, its bytes included.
func liveBytesPerByte(text []byte) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a := Parse("big", text)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(a)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)+int64(len(text))) / float64(len(text))
}

// generatedProse returns about n bytes of prose over a Zipf vocabulary of
// 20,000 words, in sentences and paragraphs, as a news article is.
func generatedProse(n int) []byte {
	rng := rand.New(rand.NewPCG(13, 2))
	zipf := rand.NewZipf(rng, 1.1, 2, 20000)
	vocab := make([]string, 20001)
	for i := range vocab {
		var sb strings.Builder
		for range 3 + i%8 {
			sb.WriteByte(byte('a' + rng.IntN(26)))
		}
		vocab[i] = sb.String()
	}
	var sb strings.Builder
	sb.WriteString("A generated title\n\n")
	for s := 0; sb.Len() < n; s++ {
		words := 8 + rng.IntN(20)
		for w := range words {
			word := vocab[zipf.Uint64()]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				sb.WriteByte(' ')
			}
			sb.WriteString(word)
		}
		sb.WriteString(". ")
		if s%4 == 3 {
			sb.WriteString("\n\n")
		}
	}
	return []byte(sb.String())
}

// TestArticleMemory bounds the heap a loaded article keeps: two 5 MiB
// articles and their comparison must fit 256 MiB (issue 13, item 2). With
// a Token of 40 bytes and a string per word, an article kept 15.9 bytes
// per byte of text (83 MB for 5 MiB); packed, it keeps about 4.
func TestArticleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 2 MiB")
	}
	const maxLivePerByte = 6
	text := generatedProse(2 << 20)
	if got := liveBytesPerByte(text); got > maxLivePerByte {
		t.Errorf("an article of %d bytes keeps %.1f bytes live per byte of text, want at most %d", len(text), got, maxLivePerByte)
	}
}

// BenchmarkParse2MiB reports what parsing 2 MiB of prose costs, and the
// heap the article keeps per byte of text (live-B/B).
func BenchmarkParse2MiB(b *testing.B) {
	text := generatedProse(2 << 20)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Parse("big", text)
	}
	b.StopTimer()
	b.ReportMetric(liveBytesPerByte(text), "live-B/B")
}
