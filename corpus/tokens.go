package corpus

import (
	"iter"
	"math"
	"unsafe"
)

// Tokens is a run of an article's tokens, stored in eight bytes each: the
// byte offset where the token starts and the index of its matching form in
// a table of the article's distinct forms, which carries its kind in the
// low bits. A token ends where the next one starts (tokens are contiguous),
// so one more start closes the run.
//
// A 5 MiB article has about 1.5 million tokens; as Token values with a
// string form each they took 40 bytes and a heap allocation per word,
// 83 MB an article, and two of them did not fit a comparison's 256 MiB
// (issue 13). At eight bytes and one string per distinct form, the text
// model takes a few bytes per byte of text.
//
// The zero value is an empty run. Tokens is read-only once segmented and
// safe to share; At returns a Token value, so callers read fields as before.
type Tokens struct {
	// packed holds one entry per token and, last, the end of the run.
	packed []packedToken
	// ends holds each token's end in a run NewTokens made of tokens that
	// need not touch; it is nil in an article's run.
	ends  []uint32
	forms []string
}

type packedToken struct {
	start uint32
	form  uint32 // index into forms << kindBits | kind
}

const (
	kindBits = 2
	kindMask = 1<<kindBits - 1
)

// Len returns the number of tokens.
func (ts Tokens) Len() int { return max(len(ts.packed)-1, 0) }

// At returns token i.
func (ts Tokens) At(i int) Token {
	p := ts.packed[i]
	return Token{
		Span: Span{int(p.start), ts.end(i)},
		Kind: TokenKind(p.form & kindMask),
		Form: ts.forms[p.form>>kindBits],
	}
}

// Kind returns the kind of token i.
func (ts Tokens) Kind(i int) TokenKind { return TokenKind(ts.packed[i].form & kindMask) }

// Form returns the matching form of token i.
func (ts Tokens) Form(i int) string { return ts.forms[ts.packed[i].form>>kindBits] }

// Span returns the bytes of token i.
func (ts Tokens) Span(i int) Span { return Span{int(ts.packed[i].start), ts.end(i)} }

func (ts Tokens) end(i int) int {
	if ts.ends != nil {
		return int(ts.ends[i])
	}
	return int(ts.packed[i+1].start)
}

// FormID returns the index of token i's matching form among the article's
// distinct forms: two tokens of one article have the same form exactly
// when they have the same FormID. It is below FormCount.
func (ts Tokens) FormID(i int) int { return int(ts.packed[i].form >> kindBits) }

// FormCount returns the number of distinct forms of the article the
// tokens belong to.
func (ts Tokens) FormCount() int { return len(ts.forms) }

// Slice returns tokens [start, end) of ts, sharing its storage.
func (ts Tokens) Slice(start, end int) Tokens {
	if start > end || end > ts.Len() || start < 0 {
		panic("corpus: Tokens.Slice out of range")
	}
	if len(ts.packed) == 0 {
		return ts
	}
	sub := Tokens{packed: ts.packed[start : end+1], forms: ts.forms}
	if ts.ends != nil {
		sub.ends = ts.ends[start:end]
	}
	return sub
}

// In returns the tokens of range r; In(r).At(0) is token r.Start.
func (ts Tokens) In(r Range) Tokens { return ts.Slice(r.Start, r.End) }

// All yields each token with its index.
func (ts Tokens) All() iter.Seq2[int, Token] {
	return func(yield func(int, Token) bool) {
		for i := range ts.Len() {
			if !yield(i, ts.At(i)) {
				return
			}
		}
	}
}

// AppendTo appends every token to dst as a Token value: for the few
// callers that lay tokens of several places end to end.
func (ts Tokens) AppendTo(dst []Token) []Token {
	for i := range ts.Len() {
		dst = append(dst, ts.At(i))
	}
	return dst
}

// in returns the indexes of the tokens inside s (see Article.TokensIn):
// from the first token starting at or after s.Start to the first, from
// there on, ending after s.End.
//
// A comparison counts the words of every diff operation, each a short
// span of a long article: the end is galloped to from the start rather
// than searched for over the whole run again, and the searches are
// written out rather than made through sort.Search's closure.
func (ts Tokens) in(s Span) Range {
	lo := ts.firstFrom(0, ts.Len(), s.Start)
	return Range{lo, ts.endAfter(lo, s.End)}
}

// firstFrom returns the first token in [lo, hi) that starts at or after
// start, or hi when none does; the tokens before lo must start before it.
func (ts Tokens) firstFrom(lo, hi, start int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ts.packed[m].start) >= start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// endAfter returns the first token from start on that ends after end, or
// Len() when none does: galloped to, as it is usually near.
func (ts Tokens) endAfter(start, end int) int {
	n := ts.Len()
	lo, hi := start, start
	// Every token before lo ends by end; the first that does not is at
	// hi or before, or there is none (hi == n).
	for step := 1; hi < n && ts.end(hi) <= end; step *= 2 {
		lo, hi = hi+1, hi+step
	}
	hi = min(hi, n)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ts.end(m) > end {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// NewTokens makes a run of toks, which must be in order and not overlap;
// unlike an article's, they need not touch. It is for callers that diff
// tokens of several places laid end to end.
func NewTokens(toks []Token) Tokens {
	b := newTokenBuilder(len(toks), len(toks))
	b.ts.ends = make([]uint32, len(toks))
	for i, t := range toks {
		b.push(t.Start, t.Kind, b.formIDString(t.Form))
		b.ts.ends[i] = uint32(t.End)
	}
	end := 0
	if len(toks) > 0 {
		end = toks[len(toks)-1].End
	}
	return b.finish(end)
}

// maxTokenized is the most bytes of an article the tokens address: far
// past the loader's limit, and an offset fits in a uint32 on every platform.
const maxTokenized = math.MaxInt32

// tokenBuilder appends tokens and interns their forms.
type tokenBuilder struct {
	ts  Tokens
	ids map[string]uint32
}

// Fixed form indexes: every article's table starts with these.
const (
	formNone = iota // control tokens
	formSpace
	formLine
	formPara
)

// newTokenBuilder returns a builder for about sizeHint tokens of about
// formHint distinct forms.
func newTokenBuilder(sizeHint, formHint int) *tokenBuilder {
	formHint = min(max(formHint, 16), maxFormHint)
	b := &tokenBuilder{
		ts:  Tokens{packed: make([]packedToken, 0, sizeHint+1), forms: make([]string, 0, formHint)},
		ids: make(map[string]uint32, formHint),
	}
	for _, f := range []string{"", " ", "\n", "\n\n"} {
		b.add(f)
	}
	return b
}

// maxFormHint bounds the forms a builder is made for at once: a long
// article's forms grow slower than its words, and the map is dropped
// when the run is finished.
const maxFormHint = 1 << 12

// formID returns the index of form, adding it to the table when new. The
// lookup by string(form) does not copy form.
func (b *tokenBuilder) formID(form []byte) uint32 {
	if id, ok := b.ids[string(form)]; ok {
		return id
	}
	return b.add(string(form))
}

func (b *tokenBuilder) formIDString(form string) uint32 {
	if id, ok := b.ids[form]; ok {
		return id
	}
	return b.add(form)
}

func (b *tokenBuilder) add(form string) uint32 {
	id := uint32(len(b.ts.forms))
	b.ts.forms = append(b.ts.forms, form)
	b.ids[form] = id
	return id
}

func (b *tokenBuilder) push(start int, kind TokenKind, form uint32) {
	b.ts.packed = append(b.ts.packed, packedToken{start: uint32(start), form: form<<kindBits | uint32(kind)})
}

// finish closes the run at end and returns it, its storage trimmed to
// what it holds where the slack is worth a copy.
func (b *tokenBuilder) finish(end int) Tokens {
	b.ts.packed = trimmed(append(b.ts.packed, packedToken{start: uint32(end)}))
	b.ts.forms = trimmed(b.ts.forms)
	return b.ts
}

// trimmed returns s, or a copy of it without spare capacity when the spare
// is over an eighth of it and over maxSlackBytes. A short article's slack
// is kept: copying its runs took more memory, fresh to the process, than
// the slack they dropped.
func trimmed[T any](s []T) []T {
	var zero T
	spare := cap(s) - len(s)
	if spare <= len(s)/8 || spare*int(unsafe.Sizeof(zero)) <= maxSlackBytes {
		return s
	}
	return append([]T(nil), s...)
}

// maxSlackBytes is the most spare capacity trimmed keeps regardless of
// the length.
const maxSlackBytes = 8 << 10
