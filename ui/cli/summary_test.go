package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestDiffSummaryCountsOneSidedWords: the printed diff's summary once
// counted only the words paired passages change, so the sample's Swell
// Digest against Hacked.com said "15 words deleted, 6 inserted" beside a
// 22% similarity, while the reader's status, on the same pair, said
// "-261 +241 words". Both now count the one-sided passages' words too.
func TestDiffSummaryCountsOneSidedWords(t *testing.T) {
	tests := []struct {
		st   compare.Stats
		want string
	}{
		{compare.Stats{Deleted: 15, Inserted: 6, LeftOnlyWords: 246, RightOnlyWords: 235, LeftOnly: 9, RightOnly: 10},
			"261 words deleted, 241 inserted · 0 moved · 9 left only · 10 right only"},
		{compare.Stats{Deleted: 1, Moved: 2, Paired: 3},
			"1 word deleted, 0 inserted · 2 moved · 0 left only · 0 right only"},
		{compare.Stats{LeftOnlyWords: 1, LeftOnly: 1},
			"1 word deleted, 0 inserted · 0 moved · 1 left only · 0 right only"},
	}
	for _, tt := range tests {
		if got := diffSummary(tt.st); got != tt.want {
			t.Errorf("diffSummary(%+v) = %q, want %q", tt.st, got, tt.want)
		}
	}

	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", "000", "001"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if want := "similarity 22% · 261 words deleted, 241 inserted · 0 moved · 11 left only · 10 right only\n"; !strings.Contains(le.out.String(), want) {
		t.Errorf("the sample pair's summary is not the reader's count %q:\n%.400s", want, le.out.String())
	}
}

// TestDiffSimilarityNeverWholeWhenChanged is a regression test: rounded to
// the nearest, an article with one word changed in a hundred and more
// read "similarity 100% · 1 word deleted, 1 inserted", and its passage
// "@@ aligned · ¶2 ~ ¶2 · 100% · verbatim @@" over a change. A share short
// of whole now reads 99% at most, as git's similarity index does.
func TestDiffSimilarityNeverWholeWhenChanged(t *testing.T) {
	var b strings.Builder
	b.WriteString("Council budget\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "The council met on Tuesday for the %d budget session and voted to rebuild the old bridge over the river near the mill. ", i)
	}
	old := b.String() + "\n"
	changed := strings.Replace(old, "the 39 budget session and voted", "the 39 budget session and decided", 1)
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"old.txt": old, "new.txt": changed})
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	for _, want := range []string{"similarity 99% · 1 word deleted, 1 inserted", " · 99% · verbatim @@"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%.600s", want, out)
		}
	}
	if strings.Contains(out, "similarity 100%") || strings.Contains(out, "100% · verbatim") {
		t.Errorf("a changed text or passage said 100%%:\n%.600s", out)
	}
}
