package compare

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// nearTwinCase is a line or short sentence on each side and whether the
// comparison should pair them, as a block of the left one's role whose
// word diff keeps the words they share.
type nearTwinCase struct {
	name        string
	left, right string
	paired      bool
	role        corpus.Role
}

// checkNearTwin finds the block pairing tc's two passages, if any.
func checkNearTwin(t *testing.T, tc nearTwinCase, a, b *corpus.Article, c *Comparison) {
	t.Helper()
	for _, blk := range c.Blocks {
		if blk.Kind != Aligned && blk.Kind != Moved {
			continue
		}
		if !strings.Contains(a.Text(blk.Left), tc.left) || !strings.Contains(b.Text(blk.Right), tc.right) {
			continue
		}
		if !tc.paired {
			t.Errorf("%s: paired %q with %q", tc.name, a.Text(blk.Left), b.Text(blk.Right))
			return
		}
		eq, _, _ := OpWords(a, b, blk.Ops)
		if blk.Role != tc.role || blk.Similarity == 1 || eq < 2 {
			t.Errorf("%s: paired as %v, similarity %.2f, %d words equal; want %v with a word diff", tc.name, blk.Role, blk.Similarity, eq, tc.role)
		}
		return
	}
	if tc.paired {
		t.Errorf("%s: %q and %q not paired", tc.name, tc.left, tc.right)
	}
}

// TestShortNearTwinsPair: a short passage that differs from another by a
// word or two pairs with it, with the word diff, be it a caption, heading
// or credit (lines that are not prose paired only when identical) or a
// short sentence. Sharing only a name and a day, or only "at the", still
// pairs nothing.
func TestShortNearTwinsPair(t *testing.T) {
	const (
		title = "Fire destroys warehouse in harbor district"
		body1 = "The blaze started shortly after midnight in a storage building near the docks, officials said. No injuries were reported."
		body2 = "Crews from three neighbouring towns helped bring the flames under control by dawn, according to the county fire marshal."
	)
	for _, tc := range []nearTwinCase{
		{"caption, a day changed", "Firefighters at the scene early Thursday", "Firefighters at the scene early Friday", true, corpus.RoleHeading},
		{"caption, a word dropped", "Firefighters at the scene early Thursday", "Firefighters at the scene Thursday", true, corpus.RoleHeading},
		{"caption, two words changed", "Firefighters from three towns at the scene early Thursday morning", "Firefighters from four towns at the scene early Friday morning", true, corpus.RoleHeading},
		{"credit line", "Photo: Firefighters at the scene early Thursday (AP)", "Photo: Firefighters at the scene early Friday (AP)", true, corpus.RoleBoilerplate},
		{"video line", "WATCH: Warehouse fire lights up harbor sky", "WATCH: Warehouse fire lights up harbour sky", true, corpus.RoleBoilerplate},
		{"sentence, a word added", "He denied it.", "He denied it again.", true, corpus.RoleProse},
		{"sentence, a word changed", "Smoke rose over the harbor.", "Smoke rose over the port.", true, corpus.RoleProse},
		// Longer than maxNearProseWords: its run of equal words pairs it.
		{"long sentence, a word changed", "Smoke from the burning warehouse rose over the harbor for most of the night.", "Smoke from the burning warehouse rose over the port for most of the night.", true, corpus.RoleProse},
		{"long unstopped line, a day changed", "Firefighters from three towns work at the scene of the warehouse fire early Thursday morning", "Firefighters from three towns work at the scene of the warehouse fire early Friday morning", true, corpus.RoleProse},
		{"caption, a name and a day", "Jane Smith on Thursday", "Jane Smith on Friday", false, corpus.RoleHeading},
		{"caption, other words", "Firefighters at the scene early Thursday", "Police at the harbor late Friday", false, corpus.RoleHeading},
		{"sentence, stopwords alone", "He was at the hospital.", "She was at the airport.", false, corpus.RoleProse},
	} {
		text := func(line string) string {
			return title + "\n\n" + body1 + "\n\n" + line + "\n\n" + body2 + "\n"
		}
		a, b, c := compareTexts(t, text(tc.left), text(tc.right))
		if p := a.Paragraphs[2]; p.Role != tc.role {
			t.Fatalf("%s: %q reads as %v, want %v", tc.name, tc.left, p.Role, tc.role)
		}
		checkNearTwin(t, tc, a, b, c)
	}
}

// TestShortNearTwinsPairInStory is TestShortNearTwinsPair inside two
// articles of a story, the lines set at different places: every word the
// sentences share, police or Range Rover, is one the story repeats, so
// that no word found the pair.
func TestShortNearTwinsPairInStory(t *testing.T) {
	dir := filepath.Join(testcorpus.Shared(t, "corpora/stories"), "2013-02-21-las-vegas-strip-shooting")
	read := func(name string, at int, line string) *corpus.Article {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		ps := strings.Split(string(raw), "\n\n")
		ps = append(ps[:at], append([]string{line}, ps[at:]...)...)
		return corpus.Parse(name, []byte(strings.Join(ps, "\n\n")))
	}
	for _, tc := range []nearTwinCase{
		{"caption", "Firefighters at the scene early Thursday", "Firefighters at the scene early Friday", true, corpus.RoleHeading},
		{"sentence, a verb changed", "Police are looking for the Range Rover.", "Police are searching for the Range Rover.", true, corpus.RoleProse},
		{"sentence, a day changed", "Las Vegas police said Thursday.", "Las Vegas police said Friday.", true, corpus.RoleProse},
		{"sentence, a place changed", "Police were at the scene.", "Police were at the crash.", true, corpus.RoleProse},
		{"sentence, stopwords alone", "He was at the hospital.", "She was at the airport.", false, corpus.RoleProse},
	} {
		a, b := read("01_ap.txt", 3, tc.left), read("02_lasvegassun.txt", 5, tc.right)
		checkNearTwin(t, tc, a, b, compareOrFail(t, a, b))
	}
}

// TestNearKeysShareTheKeptRun checks nearKeys' hashes found from prefix
// sums: two lines a word or two apart share the key of the words they
// have in common, whichever words each drops, and a line's keys are those
// of its runs hashed whole (nearBaseInverse undoes nearBase).
func TestNearKeysShareTheKeptRun(t *testing.T) {
	if base := nearBase; base*nearBaseInverse != 1 {
		t.Fatalf("nearBaseInverse is not the inverse of nearBase")
	}
	whole := func(ws []uint64) uint64 {
		var h, pow uint64 = 0, 1
		for _, w := range ws {
			h += w * pow
			pow *= nearBase
		}
		return h
	}
	keysOf := func(ws []uint64) map[uint64]bool {
		keys := map[uint64]bool{}
		nearKeys(ws, func(h uint64) { keys[h] = true })
		return keys
	}
	words := func(s string) []uint64 {
		var ws []uint64
		for _, f := range strings.Fields(s) {
			ws = append(ws, corpus.HashForm(f))
		}
		return ws
	}
	for _, tt := range []struct{ a, b, shared string }{
		{"firefighters at the scene early thursday", "firefighters at the scene early friday", "firefighters at the scene early"},
		{"police are looking for the range rover", "police are searching for the range rover", "police are for the range rover"},
		{"the mayor said on monday the road would close", "the mayor said the road would close", "the mayor said the road would close"},
		{"a b c d e f g h", "a x c d e f y h", "a c d e f h"},
	} {
		ka, kb, want := keysOf(words(tt.a)), keysOf(words(tt.b)), whole(words(tt.shared))
		if !ka[want] || !kb[want] {
			t.Errorf("%q and %q: the key of %q is in the first's keys %v, the second's %v", tt.a, tt.b, tt.shared, ka[want], kb[want])
		}
	}
	// Every key is the hash of a run of the line's words, hashed whole.
	ws := words("one two three four five six seven")
	runs := map[uint64]bool{whole(ws): true}
	for i := range ws {
		runs[whole(slices.Concat(ws[:i], ws[i+1:]))] = true
		for j := i + 1; j < len(ws); j++ {
			runs[whole(slices.Concat(ws[:i], ws[i+1:j], ws[j+1:]))] = true
		}
	}
	if got := keysOf(ws); !maps.Equal(got, runs) {
		t.Errorf("nearKeys gave %d keys, not the %d runs' hashes", len(got), len(runs))
	}
}
