package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// boundary reports whether offset i of b does not fall inside a valid
// multi-byte UTF-8 sequence (an invalid byte counts as a unit of its own).
func boundary(b []byte, i int) bool {
	if i <= 0 || i >= len(b) {
		return i == 0 || i == len(b)
	}
	for back := 1; back <= 3 && i-back >= 0; back++ {
		r, size := utf8.DecodeRune(b[i-back:])
		if size > back && r != utf8.RuneError {
			return false
		}
	}
	return true
}

func checkSpan(raw []byte, s Span) error {
	if s.Start < 0 || s.End > len(raw) || s.Start > s.End {
		return fmt.Errorf("span %v outside [0,%d]", s, len(raw))
	}
	if !boundary(raw, s.Start) || !boundary(raw, s.End) {
		return fmt.Errorf("span %v splits a UTF-8 sequence", s)
	}
	return nil
}

// checkArticle asserts the segmenter's invariants.
func checkArticle(a *Article) error {
	at := a.Body.Start
	for i, t := range a.Tokens {
		if t.Start != at || t.End <= t.Start {
			return fmt.Errorf("token %d %v: want start %d, non-empty", i, t.Span, at)
		}
		if err := checkSpan(a.Raw, t.Span); err != nil {
			return fmt.Errorf("token %d: %v", i, err)
		}
		at = t.End
	}
	if at != a.Body.End {
		return fmt.Errorf("tokens end at %d, body at %d", at, a.Body.End)
	}
	prev := a.Body.Start
	for pi, p := range a.Paragraphs {
		if p.Start < prev || p.End > a.Body.End || p.Empty() {
			return fmt.Errorf("paragraph %d %v out of order or empty", pi, p.Span)
		}
		prev = p.End
		for si := p.Sentences.Start; si < p.Sentences.End; si++ {
			s := a.Sentences[si]
			if s.Para != pi || s.Start < p.Start || s.End > p.End || s.Empty() {
				return fmt.Errorf("sentence %d %v not inside paragraph %d %v", si, s.Span, pi, p.Span)
			}
			if a.Tokens[s.Tokens.Start].Start != s.Start || a.Tokens[s.Tokens.End-1].End != s.End {
				return fmt.Errorf("sentence %d span %v does not match its tokens", si, s.Span)
			}
		}
	}
	if len(a.Paragraphs) > 0 && a.Paragraphs[len(a.Paragraphs)-1].Sentences.End != len(a.Sentences) {
		return fmt.Errorf("sentences not all in paragraphs")
	}
	return nil
}

// checkComparison asserts that each block's equal and delete ops rebuild
// its left text byte for byte, in order, and equal and insert ops its right
// text; that spans are valid; and that every sentence of each article sits
// in exactly one block.
func checkComparison(c *Comparison) error {
	seenL := make([]int, len(c.Left.Sentences))
	seenR := make([]int, len(c.Right.Sentences))
	for bi, b := range c.Blocks {
		var lt, rt []byte
		for _, op := range b.Ops {
			if op.Kind != OpInsert {
				if err := checkSpan(c.Left.Raw, op.Left); err != nil {
					return fmt.Errorf("block %d op: %v", bi, err)
				}
				lt = append(lt, c.Left.Raw[op.Left.Start:op.Left.End]...)
			}
			if op.Kind != OpDelete {
				if err := checkSpan(c.Right.Raw, op.Right); err != nil {
					return fmt.Errorf("block %d op: %v", bi, err)
				}
				rt = append(rt, c.Right.Raw[op.Right.Start:op.Right.End]...)
			}
		}
		if b.Kind != RightOnly {
			if err := checkSpan(c.Left.Raw, b.Left); err != nil {
				return fmt.Errorf("block %d: %v", bi, err)
			}
			if !bytes.Equal(lt, c.Left.Raw[b.Left.Start:b.Left.End]) {
				return fmt.Errorf("block %d (%s): ops rebuild left %q, want %q", bi, b.Kind, lt, c.Left.Raw[b.Left.Start:b.Left.End])
			}
			for s := b.LeftSentences.Start; s < b.LeftSentences.End; s++ {
				seenL[s]++
			}
		} else if len(lt) != 0 {
			return fmt.Errorf("block %d is right-only but has left text", bi)
		}
		if b.Kind != LeftOnly {
			if err := checkSpan(c.Right.Raw, b.Right); err != nil {
				return fmt.Errorf("block %d: %v", bi, err)
			}
			if !bytes.Equal(rt, c.Right.Raw[b.Right.Start:b.Right.End]) {
				return fmt.Errorf("block %d (%s): ops rebuild right %q, want %q", bi, b.Kind, rt, c.Right.Raw[b.Right.Start:b.Right.End])
			}
			for s := b.RightSentences.Start; s < b.RightSentences.End; s++ {
				seenR[s]++
			}
		} else if len(rt) != 0 {
			return fmt.Errorf("block %d is left-only but has right text", bi)
		}
		if b.Similarity < 0 || b.Similarity > 1 {
			return fmt.Errorf("block %d similarity %v", bi, b.Similarity)
		}
	}
	for s, n := range seenL {
		if n != 1 {
			return fmt.Errorf("left sentence %d is in %d blocks", s, n)
		}
	}
	for s, n := range seenR {
		if n != 1 {
			return fmt.Errorf("right sentence %d is in %d blocks", s, n)
		}
	}
	if c.Similarity < 0 || c.Similarity > 1 {
		return fmt.Errorf("similarity %v", c.Similarity)
	}
	return nil
}

func articleOf(raw []byte) *Article {
	a := &Article{Raw: raw, Body: Span{0, len(raw)}}
	segment(a)
	return a
}

func addSeeds(f *testing.F, pairs bool) {
	files, _ := filepath.Glob("../articles/*.txt")
	var texts [][]byte
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			texts = append(texts, b)
		}
	}
	texts = append(texts,
		[]byte("T\r\n\r\nMr. Smith said \u201cyes.\u201d Then U.S. Sen. Jones left... No. 10 paid 3.5 and 30,000.\r\n"),
		[]byte("\xef\xbb\xbfTitle\n\n\x1b]52;c;aGk=\x07 text \x1b[31m red \u202e rtl \xff\xfe bad.\n"),
	)
	for i, t := range texts {
		if pairs {
			f.Add(t, texts[(i+1)%len(texts)])
		} else {
			f.Add(t)
		}
	}
}

func FuzzSegment(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, raw []byte) {
		a := articleOf(raw)
		if err := checkArticle(a); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzCompare(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, left, right []byte) {
		c := Compare(articleOf(left), articleOf(right))
		if err := checkComparison(c); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSeedComparisonsHold checks the comparison invariants on every ordered
// pair of seeds, in addition to what the fuzzers explore.
func TestSeedComparisonsHold(t *testing.T) {
	as := seedArticles(t)
	for _, a := range as {
		if err := checkArticle(a); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
		for _, b := range as {
			if err := checkComparison(Compare(a, b)); err != nil {
				t.Errorf("%s vs %s: %v", a.ID, b.ID, err)
			}
		}
	}
}
