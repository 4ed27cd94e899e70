package cli

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDiffContextAsWideAsACountGoes is a regression test: -U
// 9223372036854775807, the largest count the flag takes (on 64 bits), as a script may write for "all", showed
// no passage at all, the change included: the last passage around a change
// was found as the change's place plus the count, which overflowed.
func TestDiffContextAsWideAsACountGoes(t *testing.T) {
	var paras []string
	for _, w := range []string{"first", "second", "third", "fourth", "fifth"} {
		paras = append(paras, "The "+w+" paragraph of the report says the council met on Monday to talk about the "+w+" bridge over the river.")
	}
	left := "Bridge report\n\n" + strings.Join(paras, "\n\n") + "\n"
	right := strings.Replace(left, "talk about the fourth", "argue over the fourth", 1)
	dir := writeFiles(t, map[string]string{"a.txt": left, "b.txt": right})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	le := newLocalEnv(t, false, "")
	le.run("diff", a, b, "--format", "plain")
	all := blockLabels(le.out.String())
	for _, n := range []int{math.MaxInt / 2, math.MaxInt - 1, math.MaxInt} {
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", a, b, "--format", "plain", "-U", strconv.Itoa(n)); code != 0 {
			t.Fatalf("-U %d: exit %d: %s", n, code, le.errb)
		}
		if got := blockLabels(le.out.String()); len(got) != len(all) || len(all) != 6 {
			t.Errorf("-U %d shows %d of the %d passages, want all 6", n, len(got), len(all))
		}
	}
}
