package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSpanCursorMatchesTokensIn checks a cursor's answers against
// TokensIn and WordsIn, for spans taken in order as a diff's operations
// are (each starting where the last ended, or further on, or inside it)
// and for spans in any order, which must be found as TokensIn finds them.
func TestSpanCursorMatchesTokensIn(t *testing.T) {
	long := "Title\n\n" + strings.Repeat("One, two “three” four. Five six seven… ", 60)
	for _, text := range []string{"", "Title\n\nOne, two “three”. Four…", long} {
		a := Parse("t", []byte(text))
		n := len(a.Raw)
		rng := rand.New(rand.NewPCG(1, 2))
		for _, tc := range []struct {
			name string
			next func(prevEnd int) Span
		}{
			{"from the last end", func(prev int) Span { return Span{prev, min(n+1, prev+rng.IntN(40))} }},
			{"past the last end", func(prev int) Span {
				s := min(n+1, prev+rng.IntN(200))
				return Span{s, min(n+1, s+rng.IntN(40))}
			}},
			{"inside the last span", func(prev int) Span {
				s := max(0, prev-rng.IntN(20))
				return Span{s, min(n+1, s+rng.IntN(40))}
			}},
			{"anywhere", func(int) Span {
				s := rng.IntN(n + 2)
				return Span{s, s + rng.IntN(n+2-s)}
			}},
		} {
			c := a.SpanCursor()
			prev := 0
			for range 400 {
				s := tc.next(prev)
				if got, want := c.TokensIn(s), a.TokensIn(s); got != want {
					t.Fatalf("%q, %s: cursor TokensIn(%v) = %v, want %v", text[:min(len(text), 20)], tc.name, s, got, want)
				}
				if got, want := c.WordsIn(s), a.WordsIn(s); got != want {
					t.Fatalf("%q, %s: cursor WordsIn(%v) = %d, want %d", text[:min(len(text), 20)], tc.name, s, got, want)
				}
				prev = s.End
			}
		}
	}
}

// TestSpanCursorAtMatchesTokensIn checks that a cursor made at any token
// (and past either end) answers every span as TokensIn does, whether the
// span starts before the token, at it or after it, then goes on answering
// spans taken in order as a cursor made at the start does.
func TestSpanCursorAtMatchesTokensIn(t *testing.T) {
	long := "Title\n\n" + strings.Repeat("One, two “three” four. Five six seven… ", 60)
	for _, text := range []string{"", "Title\n\nOne, two “three”. Four…", long} {
		a := Parse("t", []byte(text))
		n := len(a.Raw)
		rng := rand.New(rand.NewPCG(3, 4))
		for i := -1; i <= a.Tokens.Len()+1; i++ {
			c := a.SpanCursorAt(i)
			for range 8 {
				s := rng.IntN(n + 2)
				sp := Span{s, s + rng.IntN(n+2-s)}
				if got, want := c.TokensIn(sp), a.TokensIn(sp); got != want {
					t.Fatalf("%q: cursor at %d: TokensIn(%v) = %v, want %v", text[:min(len(text), 20)], i, sp, got, want)
				}
				if got, want := c.WordsIn(sp), a.WordsIn(sp); got != want {
					t.Fatalf("%q: cursor at %d: WordsIn(%v) = %d, want %d", text[:min(len(text), 20)], i, sp, got, want)
				}
			}
		}
	}
}
