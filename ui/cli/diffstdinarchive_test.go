package cli

import (
	"strings"
	"testing"
)

// TestDiffStandardInputBesideAFolder is a regression test: "-" stood for
// standard input in diff A B, but not beside a folder: "newsdiff diff -
// 01_nytimes DIR" (or with --dir DIR) looked "-" up as an article's id
// and said 'no article with id or outlet "-"'. Standard input is read
// as it is anywhere else, and the other side looked up in the folder.
func TestDiffStandardInputBesideAFolder(t *testing.T) {
	dir := bridgeBudgetDir(t)
	const stdin = "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for good.\n"
	for _, args := range [][]string{
		{"diff", "--format", "plain", "-", "bridge/01_nytimes", dir},
		{"diff", "--format", "plain", "--dir", dir, "bridge/01_nytimes", "-"},
		{"diff", "--format", "plain", "--dir", dir, "--story", "bridge", "-", "02_foxnews"},
	} {
		le := newLocalEnv(t, false, stdin)
		code := le.run(args...)
		if code != 0 || !strings.Contains(le.out.String(), "{+good+}") && !strings.Contains(le.out.String(), "[-good-]") {
			t.Errorf("%q: exit %d:\n%s%s", args, code, le.out, le.errb)
		}
	}
}
