package cli

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestJSONSourceGivesBackToDiff is a regression test: list --format json
// on a folder gave each article's source as the index's absolute path
// ("/home/…/stories/a.txt"), diff --dir and matrix did too, while a file
// named on the command line kept its name and the built-in story gave a
// name diff refused. A source is now a path from the working directory
// when the file lies under it, absolute otherwise, and every source names
// its article again to diff.
func TestJSONSourceGivesBackToDiff(t *testing.T) {
	work := t.TempDir()
	outside := t.TempDir()
	for _, dir := range []string{filepath.Join(work, "story"), outside} {
		os.MkdirAll(dir, 0o755)
		for name, text := range map[string]string{"a.txt": crossLeft, "b.txt": crossRight} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Chdir(work)
	under := []string{filepath.Join("story", "a.txt"), filepath.Join("story", "b.txt")}
	abs := []string{filepath.Join(outside, "a.txt"), filepath.Join(outside, "b.txt")}

	sources := func(t *testing.T, args ...string) []string {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run(append(args, "--format", "json")...); code != ExitOK {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		var doc struct {
			Articles []struct{ Source string } `json:"articles"`
			Left     struct{ Source string }   `json:"left"`
			Right    struct{ Source string }   `json:"right"`
			Stories  []struct {
				Articles []struct{ Source string } `json:"articles"`
			} `json:"stories"`
		}
		if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		var got []string
		for _, a := range doc.Articles {
			got = append(got, a.Source)
		}
		if doc.Left.Source != "" {
			got = append(got, doc.Left.Source, doc.Right.Source)
		}
		for _, s := range doc.Stories {
			for _, a := range s.Articles {
				got = append(got, a.Source)
			}
		}
		slices.Sort(got)
		return got
	}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"list", "story"}, under},
		{[]string{"list", filepath.Join(work, "story")}, under},
		{[]string{"list", outside}, abs},
		{[]string{"diff", "--dir", "story", "a", "b"}, under},
		{[]string{"diff", under[0], under[1]}, under},
		{[]string{"matrix", "story"}, under},
		{[]string{"matrix", outside}, abs},
	} {
		got := sources(t, tt.args...)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: sources %q, want %q", tt.args, got, tt.want)
		}
		// What JSON names, diff takes back.
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", got[0], got[1]); code != ExitOK {
			t.Errorf("diff %q %q: exit %d: %s", got[0], got[1], code, le.errb)
		}
	}

	// The built-in story has no files: its sources are the articles' names
	// in newsdiff, which diff takes too.
	builtIn := sources(t, "list")
	if len(builtIn) != 5 || builtIn[0] != "000_bcfc8e1eaa4c1094.txt" {
		t.Fatalf("built-in sources %q", builtIn)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", builtIn[0], builtIn[1]); code != ExitOK {
		t.Errorf("diff %q %q: exit %d: %s", builtIn[0], builtIn[1], code, le.errb)
	}
}

// TestJSONSourceBytesGivesBackToDiff is a regression test: a file whose
// name is not valid UTF-8 had "source": "story/c\ufffd\ufffd.txt" in JSON,
// the bad bytes gone, which named no file to diff though docs/json.md
// promised the source gives the article back. Such a source now comes with
// "source_bytes", its exact bytes in base64, which diff takes back; a valid
// name has no source_bytes.
func TestJSONSourceBytesGivesBackToDiff(t *testing.T) {
	work := t.TempDir()
	dir := filepath.Join(work, "story")
	os.MkdirAll(dir, 0o755)
	odd := "c\xff\xfe.txt"
	for name, text := range map[string]string{odd: crossLeft, "b.txt": crossRight} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Skipf("this file system takes no such name: %v", err)
		}
	}
	t.Chdir(work)
	type side struct {
		Source      string `json:"source"`
		SourceBytes string `json:"source_bytes"`
	}
	for _, args := range [][]string{
		{"list", "story"},
		{"matrix", "story"},
		{"diff", filepath.Join("story", odd), filepath.Join("story", "b.txt")},
		{"diff", "--dir", "story", "c", "b"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append(args, "--format", "json")...); code != ExitOK {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		var doc struct {
			Articles []side `json:"articles"`
			Left     *side  `json:"left"`
			Right    *side  `json:"right"`
			Stories  []struct {
				Articles []side `json:"articles"`
			} `json:"stories"`
		}
		if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		sides := doc.Articles
		if doc.Left != nil {
			sides = append(sides, *doc.Left, *doc.Right)
		}
		for _, s := range doc.Stories {
			sides = append(sides, s.Articles...)
		}
		var names []string
		for _, s := range sides {
			name := s.Source
			if s.SourceBytes != "" {
				b, err := base64.StdEncoding.DecodeString(s.SourceBytes)
				if err != nil {
					t.Fatalf("%q: source_bytes %q: %v", args, s.SourceBytes, err)
				}
				name = string(b)
			}
			names = append(names, name)
		}
		slices.Sort(names)
		want := []string{filepath.Join("story", "b.txt"), filepath.Join("story", odd)}
		if !slices.Equal(names, want) {
			t.Errorf("%q: sources give %q, want %q", args, names, want)
			continue
		}
		le = newLocalEnv(t, false, "")
		if code := le.run("diff", names[0], names[1]); code != ExitOK {
			t.Errorf("%q: diff %q %q: exit %d: %s", args, names[0], names[1], code, le.errb)
		}
	}
}
