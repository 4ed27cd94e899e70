package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crossLeft and crossRight tell two events each, crosswise: the left
// gives the attribution apart and both quotations in one sentence; the
// right gives the first quotation with the attribution, and the second
// apart.
const (
	crossLeft  = "Flood report\n\nThe council auditors, Maria Lopez and Dan Hale, released their findings in a joint letter to the city on Friday.\n\nThe weather was fine.\n\nLopez and Hale noted that the mayor \"never once reported the flooding of the eastern district to the state,\" adding that the mayor \"spent months planning parades and banquets while the pumping stations failed.\"\n"
	crossRight = "Auditors fault mayor\n\n\"The mayor never once reported the flooding of the eastern district to the state,\" read a joint letter from auditors Maria Lopez and Dan Hale released on Friday. \"He spent months planning parades and banquets while the pumping stations failed.\"\n"
)

// TestCrossPartsShown: the block pairing the part two sentences share,
// each cut in two (issue 9, quote recall), says both sides are parts, and
// JSON gives it right_part_of beside part_of.
func TestCrossPartsShown(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(crossLeft), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(crossRight), 0o644)

	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--format", "plain", "--dir", dir, "a", "b"}, env); code != 0 {
		t.Fatalf("plain: exit %d: %s", code, errb)
	}
	if want := "part of left ¶4; the rest pairs with right ¶2; part of right ¶2; the rest pairs with left ¶2"; !strings.Contains(out.String(), want) {
		t.Errorf("plain output lacks %q:\n%s", want, out)
	}

	env, out, _ = seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "json", "--dir", dir, "a", "b"}, env)
	type part struct {
		Side  string `json:"side"`
		Whole [2]int `json:"whole"`
	}
	var doc struct {
		Blocks []struct {
			PartOf      *part `json:"part_of"`
			RightPartOf *part `json:"right_part_of"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(crossRight, `"The mayor`)
	end := strings.Index(crossRight, ` "He spent`)
	n := 0
	for _, b := range doc.Blocks {
		if b.RightPartOf == nil {
			continue
		}
		n++
		if b.PartOf == nil || b.PartOf.Side != "left" {
			t.Errorf("part_of %+v, want the left sentence", b.PartOf)
		}
		if *b.RightPartOf != (part{"right", [2]int{start, end}}) {
			t.Errorf("right_part_of %+v, want the right sentence [%d %d]", *b.RightPartOf, start, end)
		}
	}
	if n != 1 {
		t.Errorf("%d blocks with right_part_of, want 1:\n%s", n, out)
	}
}
