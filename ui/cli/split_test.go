package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTwoPartnersShown is the output half of issue 9's fourth defect: a
// sentence that pairs in two parts, each with its own partner, says so in
// both blocks' labels, and JSON gives each block part_of with the whole
// sentence's span.
func TestTwoPartnersShown(t *testing.T) {
	dir := t.TempDir()
	left := "Inquiry widens\n\nThe inquiry covers the mayor's dealings with a property developer over the harbour land sale; it also asks whether the police chief destroyed records of the night shift arrests.\n"
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(left), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("City hall inquiry\n\nInvestigators are examining the mayor's dealings with a property developer over the harbour land sale.\n\nThe weather was fine.\n\nThey also want to know whether the police chief destroyed records of the night shift arrests.\n"), 0o644)

	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--format", "plain", "--dir", dir, "a", "b"}, env); code != 0 {
		t.Fatalf("plain: exit %d: %s", code, errb)
	}
	for _, want := range []string{"part of left ¶2; the rest pairs with right ¶4", "part of left ¶2; the rest pairs with right ¶2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("plain output lacks %q:\n%s", want, out)
		}
	}

	env, out, _ = seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "json", "--dir", dir, "a", "b"}, env)
	var doc struct {
		Blocks []struct {
			Kind   string `json:"kind"`
			PartOf *struct {
				Side  string `json:"side"`
				Whole [2]int `json:"whole"`
			} `json:"part_of"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(left, "The inquiry")
	n := 0
	for _, b := range doc.Blocks {
		if b.PartOf == nil {
			continue
		}
		n++
		if b.PartOf.Side != "left" || b.PartOf.Whole != [2]int{start, len(left) - 1} {
			t.Errorf("part_of %+v, want the left sentence [%d %d]", *b.PartOf, start, len(left)-1)
		}
	}
	if n != 2 {
		t.Errorf("%d blocks with part_of, want 2:\n%s", n, out)
	}
}
