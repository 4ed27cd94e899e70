package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNearParaphraseIsAWordDiff checks that a paraphrase pair most of
// whose words are equal is printed as a word diff: "voted to close" /
// "voted to shut", with no run of six words either side of the change, was
// printed as two nearly identical sentences one above the other, hiding
// the word that changed. A paraphrase in other words is still printed
// apart (the README's Pence example, checked by TestREADMEDiffExamples).
func TestNearParaphraseIsAWordDiff(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"old.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday.\n",
		"new.txt": "Bridge vote\n\nThe council voted to shut the bridge on Monday.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if !strings.Contains(out, "· paraphrase @@\nThe council voted to [-close-]{+shut+} the bridge on Monday.\n") {
		t.Errorf("the near paraphrase is not a word diff:\n%s", out)
	}
	if strings.Contains(out, "\n< ") || strings.Contains(out, "{=") {
		t.Errorf("the near paraphrase is printed apart:\n%s", out)
	}
}
