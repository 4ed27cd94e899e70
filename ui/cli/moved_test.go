package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMovedFragmentShown is the output half of issue 9's sixth defect: a
// fragment two outlets put in different places of one sentence showed as
// a deletion and an unrelated insertion. Plain output marks it [~…~] and
// {~…~}, ANSI in its own colour, and JSON flags both ops "moved".
func TestMovedFragmentShown(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Flood on the coast\n\nThe mayor of the coastal town ordered an evacuation on Friday after heavy rain flooded the harbour district overnight.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Flooding hits the coast\n\nAfter heavy rain flooded the harbour district overnight, the mayor of the coastal town ordered an evacuation on Friday.\n"), 0o644)
	const run = "heavy rain flooded the harbour district overnight"

	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--format", "plain", "--dir", dir, "a", "b"}, env); code != 0 {
		t.Fatalf("plain: exit %d: %s", code, errb)
	}
	if !strings.Contains(strings.ToLower(out.String()), run+"~]") {
		t.Errorf("plain output does not mark the fragment's old place [~…~]:\n%s", out)
	}
	if !strings.Contains(strings.ToLower(out.String()), run+"~}") {
		t.Errorf("plain output does not mark the fragment's new place {~…~}:\n%s", out)
	}

	env, out, _ = seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "ansi", "--color", "always", "--dir", dir, "a", "b"}, env)
	if !strings.Contains(out.String(), "\x1b[38;5;141;") {
		t.Errorf("ANSI output has no moved colour:\n%q", out)
	}

	env, out, _ = seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "html", "--dir", dir, "a", "b"}, env)
	if !strings.Contains(out.String(), `<del class="moved">`) || !strings.Contains(out.String(), `<ins class="moved">`) {
		t.Errorf("HTML output does not mark the moved fragment")
	}

	env, out, _ = seedEnv(t)
	Run(context.Background(), []string{"diff", "--format", "json", "--with-text", "--dir", dir, "a", "b"}, env)
	var doc struct {
		Blocks []struct {
			Ops []struct {
				Op        string `json:"op"`
				Moved     bool   `json:"moved"`
				LeftText  string `json:"left_text"`
				RightText string `json:"right_text"`
			} `json:"ops"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var del, ins bool
	for _, b := range doc.Blocks {
		for _, op := range b.Ops {
			del = del || op.Moved && op.Op == "delete" && strings.Contains(strings.ToLower(op.LeftText), run)
			ins = ins || op.Moved && op.Op == "insert" && strings.Contains(strings.ToLower(op.RightText), run)
		}
	}
	if !del || !ins {
		t.Errorf("JSON: moved delete %v, moved insert %v; want both:\n%s", del, ins, out)
	}
}
