package cli

import (
	"strings"
	"testing"
)

// TestQuoteDiffKeepsSpace is a regression test: a quote that drops a
// comma and its space where the common wording has them (", " against
// " ") was shown "bridge[-, -]{+ +}and", the space both have marked as
// deleted and inserted; one that adds them, "bridge[- -]{+, +}and". The
// shared space is now written plain, as diff writes it: "bridge[-,-]
// and", "bridge{+,+} and", in hard-wrapped text too, where the comparison
// reads a line break as the other side's space.
func TestQuoteDiffKeepsSpace(t *testing.T) {
	const withComma = `"We will open the bridge, and we will do it soon because people need it."`
	const without = `"We will open the bridge and we will do it soon because people need it."`
	const wrappedAt = "\"We will open the bridge,\nand we will do it soon because people need it.\""
	tests := []struct {
		common, other string
		want          string
	}{
		{withComma, without, "We will open the bridge[-,-] and we will do it soon"},
		{without, withComma, "We will open the bridge{+,+} and we will do it soon"},
		{wrappedAt, without, "We will open the bridge[-,-] and we will do it soon"},
		{without, wrappedAt, "We will open the bridge{+,+} and we will do it soon"},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{
			"a.txt": "Council vote\n\nThe mayor said: " + tt.common + "\n",
			"b.txt": "Council vote today\n\nThe mayor said: " + tt.other + "\n",
		})
		le := newLocalEnv(t, false, "")
		if code := le.run("quotes", dir, "--format", "plain"); code != 0 {
			t.Fatalf("exit %d: %s", code, le.errb)
		}
		if !strings.Contains(le.out.String(), tt.want) {
			t.Errorf("common %s, other %s: no %q in\n%s", tt.common, tt.other, tt.want, le.out)
		}
	}
}
