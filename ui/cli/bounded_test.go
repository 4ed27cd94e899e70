package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffBoundedStated checks that a diff of texts past the full
// comparison's size says that it was bounded, in text and in JSON, and
// that a diff of news articles does not.
func TestDiffBoundedStated(t *testing.T) {
	dir := t.TempDir()
	var sb strings.Builder
	sb.WriteString("Many sentences\n\n")
	for i := range 100_001 {
		fmt.Fprintf(&sb, "S%d. ", i)
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	many := filepath.Join(dir, "many.txt")
	if err := os.WriteFile(many, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// One sentence more: texts that are the same print nothing to note.
	more := filepath.Join(dir, "more.txt")
	if err := os.WriteFile(more, []byte(sb.String()+"One more sentence.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args    []string
		bounded bool
	}{
		{[]string{"diff", many, more}, true},
		{[]string{"diff", "003", "004"}, false},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append(tc.args, "--format", "plain")...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tc.args, code, le.errb)
		}
		lines := strings.SplitN(le.out.String(), "\n", 5)
		if got := len(lines) > 3 && lines[3] == boundedNote; got != tc.bounded {
			t.Errorf("%q: the note is there: %v, want %v (%q)", tc.args, got, tc.bounded, lines)
		}
		le = newLocalEnv(t, false, "")
		if code := le.run(append(tc.args, "--format", "json")...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tc.args, code, le.errb)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if got, ok := doc["bounded"]; ok != tc.bounded || ok && !bytes.Equal(got, []byte("true")) {
			t.Errorf("%q: JSON bounded = %s (present %v), want present %v", tc.args, got, ok, tc.bounded)
		}
	}
}
