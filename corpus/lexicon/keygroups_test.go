package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestKeyGroupsIsKeyThenGroups checks that KeyGroups, which reuses the
// lemma's table entry, answers what Key and then Groups of the key answer,
// for every word of the table and inflected, possessive, doubled and
// unknown forms of it.
func TestKeyGroupsIsKeyThenGroups(t *testing.T) {
	words := []string{"", "30,000", "thirty", "wed", "4th", "went", "stopped", "planning", "trump's", "officials'", "xyzzyqs"}
	for line := range strings.SplitSeq(table, "\n") {
		word, _, _ := strings.Cut(line, "\t")
		words = append(words, word, word+"s", word+"ed", word+"ing", word+"'s")
	}
	for i, w := range words {
		if i%4 != 0 && testing.Short() {
			continue
		}
		key, class := Key(w)
		var groups []uint32
		if class == Plain {
			groups = Groups(key)
		}
		gotKey, gotClass, gotGroups := KeyGroups(w)
		if gotKey != key || gotClass != class || !slices.Equal(gotGroups, groups) {
			t.Fatalf("KeyGroups(%q) = %q, %v, %v; Key and Groups say %q, %v, %v", w, gotKey, gotClass, gotGroups, key, class, groups)
		}
	}
}

// seedWords returns the distinct lower-case words of the embedded
// articles, as a comparison asks the lexicon of them.
func seedWords(tb testing.TB) []string {
	files, err := filepath.Glob("../../articles/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no embedded articles: %v", err)
	}
	seen := map[string]bool{}
	var words []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(raw)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
		}) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return words
}

// BenchmarkKeyGroups measures what a comparison asks the lexicon of each
// distinct word of the embedded articles, in one call and as Key then
// Groups.
func BenchmarkKeyGroups(b *testing.B) {
	words := seedWords(b)
	b.Run("KeyGroups", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				KeyGroups(w)
			}
		}
	})
	b.Run("KeyThenGroups", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				if key, class := Key(w); class == Plain {
					Groups(key)
				}
			}
		}
	})
}
