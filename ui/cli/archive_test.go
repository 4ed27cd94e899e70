package cli

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// archiveDir makes a flat folder holding the sample story and articles on
// n unrelated events of one article each.
func archiveDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	names, err := fs.Glob(articles.FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(articles.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Made-up words, so that no two of these articles share a term.
	rng := rand.New(rand.NewPCG(7, 7))
	word := func() string {
		const letters = "bcdfghjklmnprstvz"
		const vowels = "aeiou"
		var b strings.Builder
		for range 3 {
			b.WriteByte(letters[rng.IntN(len(letters))])
			b.WriteByte(vowels[rng.IntN(len(vowels))])
		}
		return b.String()
	}
	for i := range n {
		var words []string
		for range 30 {
			words = append(words, word())
		}
		text := fmt.Sprintf("%s %s %s\n\nThe %s of %s.\n", words[0], words[1], words[2], strings.Join(words[3:], " and "), words[0])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("z%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIndexCommand(t *testing.T) {
	dir := archiveDir(t, 2)
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"index", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if want := "7 articles; stories: 1, not grouped: 2;"; !strings.Contains(out.String(), want) {
		t.Errorf("stdout %q, want it to say %q", out, want)
	}
	// Not a terminal: a line per tenth, ending at 100%.
	if !strings.Contains(errb.String(), "newsdiff index: reading 100%") || !strings.Contains(errb.String(), "newsdiff index: grouping 100% (7 of 7)") {
		t.Errorf("progress on stderr %q, want a line at 100%%", errb)
	}
	if _, err := os.Stat(filepath.Join(dir, ".newsdiff", "index.db")); err != nil {
		t.Errorf("no index: %v", err)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index"}, env); code != ExitUsage {
		t.Errorf("index without a directory: exit %d, want %d (%s)", code, ExitUsage, errb)
	}
	// A path that is missing, or a file, each said as it is ("not a
	// directory" was said of a missing one).
	file := filepath.Join(dir, "a-file.txt")
	os.WriteFile(file, []byte("Title\n\nSome words.\n"), 0o644)
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "missing"), ": no such file or directory\n"},
		{file, ": not a directory\n"},
	} {
		env, _, errb = seedEnv(t)
		if code := Run(context.Background(), []string{"index", tt.path}, env); code != ExitError || !strings.HasSuffix(errb.String(), tt.want) {
			t.Errorf("index %s: exit %d, stderr %q; want %d and %q", tt.path, code, errb, ExitError, tt.want)
		}
	}
}

func TestListArchiveNotGrouped(t *testing.T) {
	dir := archiveDir(t, 2)
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"list", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	// The articles that group with nothing are stories 2 and 3, as
	// --story takes them: the heading said "not grouped" alone, and
	// nothing gave their numbers.
	story, rest, ok := strings.Cut(s, "# 2–3 · not grouped\n")
	if !ok {
		t.Fatalf("no \"2–3 · not grouped\" heading:\n%s", s)
	}
	if strings.Count(story, "\n") < 6 || !strings.Contains(story, "Al Jazeera") {
		t.Errorf("the sample story should come first, whole:\n%s", story)
	}
	if !strings.Contains(rest, "z00") || !strings.Contains(rest, "z01") || strings.Contains(rest, "Al Jazeera") {
		t.Errorf("not grouped should hold the two unrelated articles only:\n%s", rest)
	}
	for _, tt := range []struct{ story, id string }{{"2", "z00"}, {"3", "z01"}} {
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), []string{"list", dir, "--story", tt.story}, env); code != 0 || !strings.Contains(out.String(), tt.id) {
			t.Errorf("list --story %s: exit %d, want %s:\n%s%s", tt.story, code, tt.id, out, errb)
		}
	}
}

func TestStoryCommandOnArchive(t *testing.T) {
	dir := archiveDir(t, 12)
	// Thirteen stories: too many to analyse without --story.
	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"matrix", dir}, env); code != ExitUsage || !strings.Contains(errb.String(), "--story") {
		t.Errorf("matrix of 13 stories: exit %d, stderr %q", code, errb)
	}
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"matrix", "--story", "Donald", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "· 5 articles") {
		t.Errorf("matrix of the sample story:\n%s", out)
	}
}

func TestDiffInArchive(t *testing.T) {
	dir := archiveDir(t, 1)
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--format", "json", "--dir", dir, "al jaz", "003"}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), `"similarity":1,`) {
		t.Errorf("an article against itself:\n%s", out)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"diff", "--dir", dir, "00", "003"}, env); code != ExitError || !strings.Contains(errb.String(), "ambiguous") {
		t.Errorf("ambiguous id: exit %d, %q", code, errb)
	}
}

// TestFocusedCommandsSeeTheirArticlesEdited checks diff --dir and a story
// command, whose refresh looks only at their own articles' files when no
// file was added or removed: an edit in place of one of them is seen.
func TestFocusedCommandsSeeTheirArticlesEdited(t *testing.T) {
	dir := archiveDir(t, 1)
	run := func(args ...string) string {
		t.Helper()
		env, out, errb := seedEnv(t)
		if code := Run(context.Background(), args, env); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errb)
		}
		return out.String()
	}
	run("list", dir)
	// Dated an hour ago, so that the next refresh trusts the folder's time.
	past := time.Now().Add(-time.Hour)
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(names, dir) {
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	run("list", dir)

	// Edited in place: same folder time.
	p := filepath.Join(dir, "003_95bcf1536ed6ca96.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "Wednesday", "Zorblesday", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, past, past); err != nil {
		t.Fatal(err)
	}
	if out := run("diff", "--format", "plain", "--dir", dir, "000", "003"); !strings.Contains(out, "Zorblesday") {
		t.Errorf("diff --dir after an edit in place does not show it:\n%s", out)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, past, past); err != nil {
		t.Fatal(err)
	}
	if out := run("unique", "--story", "Donald", dir); strings.Contains(out, "Zorblesday") || !strings.Contains(out, "5 articles") {
		t.Errorf("unique --story after the edit was undone:\n%s", out)
	}
}

// TestProgressLineEndsOnce is a regression test: an interrupted index left
// the shell's prompt on the progress bar's line, and the refresh, still
// running, could draw a frame after it. done ends the line, and nothing is
// drawn after.
func TestProgressLineEndsOnce(t *testing.T) {
	var b strings.Builder
	p := newProgressLine(&b, "newsdiff index", true, true)
	p.show(archive.Progress{Phase: "reading", Done: 1, Total: 10})
	p.done()
	drawn := b.String()
	if !strings.HasSuffix(drawn, "\n") || !strings.Contains(drawn, "1/10") {
		t.Fatalf("after one frame and done: %q, want the frame and a line break", drawn)
	}
	p.show(archive.Progress{Phase: "reading", Done: 10, Total: 10})
	p.done()
	if b.String() != drawn {
		t.Errorf("drawn after done: %q", strings.TrimPrefix(b.String(), drawn))
	}
}

// TestProgressLineColour is a regression test: with colour on, the bar
// took its palette from stdout, which index may not write to, and from
// termenv's guesses (a set CI meaning no terminal), so it was drawn
// without colour where newsdiff had said colour. Off, it has none.
func TestProgressLineColour(t *testing.T) {
	t.Setenv("CI", "true")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORTERM", "")
	for _, tt := range []struct {
		noColor bool
		want    bool
	}{{noColor: false, want: true}, {noColor: true, want: false}} {
		var b strings.Builder
		p := newProgressLine(&b, "newsdiff index", true, tt.noColor)
		p.show(archive.Progress{Phase: "reading", Done: 5, Total: 10})
		p.done()
		if got := strings.Contains(b.String(), "\x1b[38;"); got != tt.want {
			t.Errorf("noColor %v: a coloured bar %v, want %v: %q", tt.noColor, got, tt.want, b.String())
		}
	}
}

// TestOpeningAnArchiveLimitsMemory checks the soft heap limit a command
// leaves after opening an archive: the tight open limit when the index was
// up to date, the archive limit when the refresh had files to read, and
// none of its own under GOMEMLIMIT. Not parallel: the limit is the
// process's.
func TestOpeningAnArchiveLimitsMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	dir := archiveDir(t, 2)
	list := func(vars map[string]string) int64 {
		t.Helper()
		debug.SetMemoryLimit(math.MaxInt64)
		le := newLocalEnv(t, false, "")
		maps.Copy(le.vars, vars)
		if code := le.run("list", dir); code != 0 {
			t.Fatalf("list: exit %d: %s", code, le.errb)
		}
		return debug.SetMemoryLimit(-1)
	}
	if got := list(nil); got != archiveMemoryLimit {
		t.Errorf("first list, which builds the index: limit %d MiB, want %d", got>>20, archiveMemoryLimit>>20)
	}
	if got := list(nil); got != openMemoryLimit {
		t.Errorf("list of an indexed archive: limit %d MiB, want %d", got>>20, openMemoryLimit>>20)
	}
	if err := os.WriteFile(filepath.Join(dir, "added.txt"), []byte("Added\n\nA new article on nothing else.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := list(nil); got != archiveMemoryLimit {
		t.Errorf("list after an article was added: limit %d MiB, want %d", got>>20, archiveMemoryLimit>>20)
	}
	if got := list(map[string]string{"GOMEMLIMIT": "1GiB"}); got != math.MaxInt64 {
		t.Errorf("list under GOMEMLIMIT: limit %d, want it left alone", got)
	}
}

// TestListStoryHeading is a regression test: list --story headed an
// article that groups with nothing by its title ("# 2 · President Trump
// to Visit…") where the whole listing heads it "# 2 · not grouped", and
// gave the one story of a folder no heading at all, though the README
// says --story lists a story under its number.
func TestListStoryHeading(t *testing.T) {
	for _, tt := range []struct {
		name  string
		extra int
		story string
		want  string
	}{
		{"an article that groups with nothing", 2, "2", "# 2 · not grouped\n"},
		{"the last one", 2, "3", "# 3 · not grouped\n"},
		{"a story among others", 2, "1", "# 1 · Donald Trump wants"},
		{"the only story", 0, "1", "# 1 · Donald Trump wants"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := archiveDir(t, tt.extra)
			env, out, errb := seedEnv(t)
			if code := Run(context.Background(), []string{"list", dir, "--story", tt.story}, env); code != 0 {
				t.Fatalf("list --story %s: exit %d: %s", tt.story, code, errb)
			}
			if got := out.String(); !strings.HasPrefix(got, tt.want) || strings.Count(got, "# ") != 1 {
				t.Errorf("list --story %s:\n%s\nwant one heading, %q", tt.story, got, tt.want)
			}
		})
	}
}
