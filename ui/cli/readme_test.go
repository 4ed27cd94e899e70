package cli

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDiffExamples checks that the lines the README quotes from
// `newsdiff diff swell "al jaz" --format plain` (the similarity line, the
// passage labels and a paraphrase's two sides) are lines that command
// prints. The paraphrase's label had drifted to "19%" while the diff said
// 26%.
func TestREADMEDiffExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "swell", "al jaz", "--format", "plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	printed := make(map[string]bool)
	for _, line := range strings.Split(le.out.String(), "\n") {
		printed[line] = true
	}
	quoted, inBlock := 0, false
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		for _, prefix := range []string{"similarity ", "@@ ", "< ", "> "} {
			if strings.HasPrefix(line, prefix) {
				quoted++
				if !printed[line] {
					t.Errorf("the README quotes a line the diff does not print:\n%s", line)
				}
			}
		}
	}
	if quoted < 5 {
		t.Errorf("found %d quoted lines of the diff in the README, want 5 or more", quoted)
	}
}
