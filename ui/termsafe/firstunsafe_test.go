package termsafe

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// firstUnsafeByRune is firstUnsafe one character at a time, as it was
// before it took eight bytes of ASCII at once.
func firstUnsafeByRune(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || corpus.IsControlRune(r) ||
			r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Zs, r) ||
			unmeasurable(r) || isRegionalIndicator(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// TestFirstUnsafeWords checks firstUnsafe against firstUnsafeByRune:
// every byte at every place of a line of printable ASCII, around the
// ends of its eight-byte words, and random mixtures.
func TestFirstUnsafeWords(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := firstUnsafe(s), firstUnsafeByRune(s); got != want {
			t.Fatalf("firstUnsafe(%q) = %d, want %d", s, got, want)
		}
	}
	line := "The quick brown fox jumps over the lazy dog~ {0}"
	for n := 0; n <= len(line); n++ {
		check(line[:n])
		for at := 0; at < n; at++ {
			for b := 0; b < 256; b++ {
				check(line[:at] + string([]byte{byte(b)}) + line[at+1:n])
			}
		}
	}
	pieces := []string{"a", "Z", " ", "~", "\x7f", "\x1f", "\n", "\t", "\x00", "\x80", "\xff", "é", "—", "\u2028",
		"\u00a0", "\u200b", "\U0001F1EB", "中", "\x1b[31m", "\xe2\x80", "abcdefgh", "12345678"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}
