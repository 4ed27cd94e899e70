package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLargePairLoadsInTheReader checks that the reader on two files of
// more than largePairBytes opens before they are read, so that q and
// Ctrl-C answer while they load (issue 13, item 4), and that what it
// then loads is the pair; a small pair is still loaded at once, and a
// missing file is still the command's error.
func TestLargePairLoadsInTheReader(t *testing.T) {
	dir := t.TempDir()
	sentence := "The council met on Tuesday and voted to close the old bridge. "
	big := strings.Repeat(sentence, largePairBytes/len(sentence)/2+1)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bigA, bigB := write("big-a.txt", big), write("big-b.txt", big+"The bridge reopens in May.")
	smallA, smallB := write("small-a.txt", sentence), write("small-b.txt", sentence+"More.")

	le := newLocalEnv(t, true, "")
	if code := le.run(bigA, bigB); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	r := le.read
	if r == nil || r.Corpus != nil || r.Load == nil {
		t.Fatalf("large pair: reader asked to show %+v; want no corpus yet and a Load", r)
	}
	if !strings.Contains(r.Loading, "big-a.txt") || !strings.Contains(r.Loading, "big-b.txt") {
		t.Errorf("loading note %q does not name the two files", r.Loading)
	}
	c, problems, err := r.Load(context.Background())
	if err != nil || len(problems) != 0 {
		t.Fatalf("Load: %v, problems %q", err, problems)
	}
	if len(c.Stories) != 1 || len(c.Stories[0].Articles) != 2 {
		t.Fatalf("Load gave %d stories, want the pair as one", len(c.Stories))
	}

	le = newLocalEnv(t, true, "")
	if code := le.run(smallA, smallB); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if le.read == nil || le.read.Corpus == nil || le.read.Load != nil {
		t.Fatalf("small pair: want the corpus given at once, got %+v", le.read)
	}

	le = newLocalEnv(t, true, "")
	if code := le.run(bigA, filepath.Join(dir, "missing.txt")); code == 0 || le.read != nil {
		t.Fatalf("a missing file: exit %d, reader started %v; want an error before the reader", code, le.read != nil)
	}
}
