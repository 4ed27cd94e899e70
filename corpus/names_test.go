package corpus_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

func TestCompareNames(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"bad2.txt", "bad10.txt", -1},
		{"bad10.txt", "bad2.txt", 1},
		{"bad2.txt", "bad2.txt", 0},
		{"a.txt", "a1.txt", -1},    // '.' sorts before a digit, as bytewise
		{"a9z.txt", "a10.txt", -1}, // the number decides before what follows
		{"a1", "a01", 1},           // equal numbers: bytewise, for a total order
		{"story2/x.txt", "story10/a.txt", -1},
		{"v1.10.txt", "v1.9.txt", 1},
		{"x99999999999999999999998", "x99999999999999999999999", -1}, // past int64
		{"B.txt", "a.txt", -1},                                       // case as bytewise
		{"", "0", -1},
	} {
		if got := corpus.CompareNames(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	names := []string{"bad10.txt", "a01.txt", "bad1.txt", "a1.txt", "bad2.txt", "b.txt", "a.txt", "bad002.txt"}
	slices.SortFunc(names, corpus.CompareNames)
	want := []string{"a.txt", "a01.txt", "a1.txt", "b.txt", "bad1.txt", "bad002.txt", "bad2.txt", "bad10.txt"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %q, want %q", names, want)
	}
}

// TestLoadOrdersByName: a folder's articles, and the files of it that did
// not load, are listed in the order people count in (bad2 before bad10),
// the same order for both; bytewise, bad10.txt came before bad2.txt.
func TestLoadOrdersByName(t *testing.T) {
	article := "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n"
	c, problems := load(t, files(
		"art10.txt", article, "art2.txt", article, "art1.txt", article,
		"bad10.txt", "", "bad2.txt", "", "bad1.txt", "",
	))
	var got []string
	for _, a := range c.Articles() {
		got = append(got, a.ID)
	}
	if want := []string{"art1", "art2", "art10"}; !slices.Equal(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
	got = nil
	for _, p := range problems {
		got = append(got, p.Path)
	}
	if want := []string{"bad1.txt", "bad2.txt", "bad10.txt"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestCompareNamesAgreesWithTokens checks CompareNames, shortcuts and all,
// against the order it promises, written out plainly: names as runs of
// digits, each a number, and single other bytes, compared in turn; ties
// bytewise.
func TestCompareNamesAgreesWithTokens(t *testing.T) {
	type token struct {
		digits string // leading zeros trimmed; "" with run false for a byte
		run    bool
		b      byte
	}
	tokens := func(s string) []token {
		var out []token
		for i := 0; i < len(s); {
			if s[i] < '0' || s[i] > '9' {
				out = append(out, token{b: s[i]})
				i++
				continue
			}
			j := i
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				j++
			}
			out = append(out, token{digits: strings.TrimLeft(s[i:j], "0"), run: true, b: s[i]})
			i = j
		}
		return out
	}
	want := func(a, b string) int {
		ta, tb := tokens(a), tokens(b)
		for k := 0; k < len(ta) && k < len(tb); k++ {
			x, y := ta[k], tb[k]
			if x.run && y.run {
				if c := cmp.Compare(len(x.digits), len(y.digits)); c != 0 {
					return c
				}
				if c := strings.Compare(x.digits, y.digits); c != 0 {
					return c
				}
				continue
			}
			if c := cmp.Compare(x.b, y.b); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(len(ta), len(tb)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	}
	const alphabet = "0019a./"
	rng := rand.New(rand.NewPCG(3, 3))
	name := func() string {
		b := make([]byte, rng.IntN(7))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 200_000 {
		a, b := name(), name()
		if got, w := corpus.CompareNames(a, b), want(a, b); got != w {
			t.Fatalf("CompareNames(%q, %q) = %d, want %d", a, b, got, w)
		}
	}
}
