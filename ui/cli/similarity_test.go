package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimilarityAgreesWithItsWords: diff's summary line and its JSON never
// claim the whole when a word differs: a title changed over unchanged
// prose read "similarity 100% · 1 word deleted", and JSON "similarity": 1
// beside "differs": true.
func TestSimilarityAgreesWithItsWords(t *testing.T) {
	dir := t.TempDir()
	const prose = "The council voted on Monday to close the old bridge to traffic, the mayor said after a long meeting.\n\n" +
		"Engineers had warned for years that the bridge was unsafe, and repairs would cost more than a new one.\n"
	for name, text := range map[string]string{"a.txt": "Bridge to close\n\n" + prose, "b.txt": "Old bridge to close\n\n" + prose} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	le := newLocalEnv(t, false, "")
	le.run("diff", "--no-pager", a, b)
	var summary string
	for _, line := range strings.Split(le.out.String(), "\n") {
		if strings.HasPrefix(line, "similarity ") {
			summary = line
			break
		}
	}
	if !strings.Contains(summary, "1 inserted") || strings.Contains(summary, "100%") {
		t.Errorf("summary %q, want 1 word inserted and a similarity short of 100%%", summary)
	}
	le = newLocalEnv(t, false, "")
	le.run("diff", "--format", "json", a, b)
	var got struct {
		Similarity float64 `json:"similarity"`
		Differs    bool    `json:"differs"`
	}
	if err := json.Unmarshal(le.out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, le.out)
	}
	if !got.Differs || got.Similarity >= 1 {
		t.Errorf("JSON similarity %v, differs %v; want under 1 and true", got.Similarity, got.Differs)
	}
}

func TestRoundKeepsAllOrNothing(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{1, 1}, {0, 0}, {0.5, 0.5}, {0.93333, 0.9333}, {0.99996, 0.9999}, {0.99994, 0.9999}, {0.00004, 0.0001}, {0.00006, 0.0001},
	} {
		if got := round(tt.in); got != tt.want {
			t.Errorf("round(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
