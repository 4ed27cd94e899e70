package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Articles for the folder tests: long enough sentences that a file
// compared with itself is all aligned.
const (
	folderBridge = "Bridge vote\n\nThe council voted to shut the bridge on Monday, said the mayor of the town.\n\nResidents of the east bank said they would take the ferry for now.\n"
	folderStorm  = "Storm hits coast\n\nA storm hit the coast on Tuesday, cutting power to thousands of homes along the bay.\n"
	folderPoll   = "Poll closes\n\nVoting ended at eight in the evening and the count began at once in the town hall.\n"
)

// writeTree writes files, by slash path, under a new folder and returns it.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// headLines are the lines of a text diff that head its pairs: a file one
// folder has alone, and each side's name.
func headLines(out string) []string {
	var heads []string
	for line := range strings.SplitSeq(out, "\n") {
		for _, p := range []string{"--- ", "+++ ", "new file, ", "deleted file, "} {
			if strings.HasPrefix(line, p) {
				heads = append(heads, line)
			}
		}
	}
	return heads
}

// TestDiffTwoFolders: "newsdiff diff old new", two folders, failed with
// "old: is a directory". Their article files are paired by their path in
// each, as diff -r and git diff --no-index pair them, subfolders
// included, the index and a repository's own files left out; a file
// one folder has alone is compared with an empty side, headed by the
// folder it is only in, and a pair that says the same prints nothing.
func TestDiffTwoFolders(t *testing.T) {
	edited := strings.Replace(folderBridge, "shut", "open", 1)
	tests := []struct {
		name     string
		old, new map[string]string
		flags    []string
		code     int
		heads    []string // headLines of stdout
	}{
		{
			name: "both, left only, right only, subfolders",
			old: map[string]string{"bridge.txt": folderBridge, "gone.txt": folderStorm, "same.txt": folderPoll, "world/b.md": folderBridge,
				".newsdiff/x.txt": folderStorm, "README.md": folderStorm},
			new: map[string]string{"bridge.txt": edited, "same.txt": folderPoll, "world/b.md": edited, "world/new.md": "# " + folderPoll,
				"meta.json": `{"bridge.txt": {"outlet": "Daily Planet"}}`, "notes.pdf": "x"},
			code: ExitOK,
			heads: []string{
				"--- OLD/bridge.txt · Bridge vote", "+++ NEW/bridge.txt · Daily Planet · Bridge vote",
				"deleted file, only in OLD", "--- OLD/gone.txt · Storm hits coast", "+++ /dev/null",
				"--- OLD/world/b.md · Bridge vote", "+++ NEW/world/b.md · Bridge vote",
				"new file, only in NEW", "--- /dev/null", "+++ NEW/world/new.md · Poll closes",
			},
		},
		{
			name: "--exit-code, a pair that differs", flags: []string{"--exit-code", "-U", "0"},
			old: map[string]string{"a/bridge.txt": folderBridge, "b.txt": folderPoll}, new: map[string]string{"a/bridge.txt": edited, "b.txt": folderPoll},
			code:  ExitError,
			heads: []string{"--- OLD/a/bridge.txt · Bridge vote", "+++ NEW/a/bridge.txt · Bridge vote"},
		},
		{
			name: "--exit-code, the same", flags: []string{"--exit-code"},
			old: map[string]string{"a/bridge.txt": folderBridge, "b.txt": folderPoll}, new: map[string]string{"a/bridge.txt": folderBridge, "b.txt": folderPoll},
			code: ExitOK,
		},
		{
			name: "-i takes a change of case for none", flags: []string{"--exit-code", "-i"},
			old: map[string]string{"b.txt": folderBridge}, new: map[string]string{"b.txt": strings.Replace(folderBridge, "council", "Council", 1)},
			code: ExitOK,
		},
		{
			name: "-q prints nothing", flags: []string{"-q"},
			old: map[string]string{"b.txt": folderBridge}, new: map[string]string{"b.txt": edited},
			code: ExitError,
		},
		{
			name: "a file only on the left differs", flags: []string{"--exit-code"},
			old: map[string]string{"b.txt": folderBridge, "c.txt": folderPoll}, new: map[string]string{"b.txt": folderBridge},
			code:  ExitError,
			heads: []string{"deleted file, only in OLD", "--- OLD/c.txt · Poll closes", "+++ /dev/null"},
		},
		{
			// Its words are none, as /dev/null's: it still came.
			name: "an empty file only on the right differs", flags: []string{"--exit-code"},
			old: map[string]string{"b.txt": folderBridge}, new: map[string]string{"b.txt": folderBridge, "empty.txt": ""},
			code:  ExitError,
			heads: []string{"new file, only in NEW", "--- /dev/null", "+++ NEW/empty.txt"},
		},
		{
			name: "a file emptied is an empty side",
			old:  map[string]string{"b.txt": folderPoll}, new: map[string]string{"b.txt": "\n"},
			code:  ExitOK,
			heads: []string{"--- OLD/b.txt · Poll closes", "+++ NEW/b.txt"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			t.Chdir(root)
			writeTree(t, "OLD", tt.old)
			writeTree(t, "NEW", tt.new)
			le := newLocalEnv(t, false, "")
			code := le.run(append([]string{"diff", "--format", "plain", "OLD", "NEW"}, tt.flags...)...)
			if code != tt.code || le.errb.Len() != 0 {
				t.Fatalf("exit %d, stderr %q; want %d and nothing", code, le.errb, tt.code)
			}
			if got := headLines(le.out.String()); !slices.Equal(got, tt.heads) {
				t.Errorf("pairs headed\n%q\nwant\n%q\nstdout:\n%s", got, tt.heads, le.out)
			}
		})
	}
}

// TestDiffTwoFoldersAsTwoFiles checks that each pair two folders have is
// shown as diff shows the two files, the flags that shape it applied,
// pairs parted by a blank line, and one that says the same left out.
func TestDiffTwoFoldersAsTwoFiles(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	writeTree(t, "old", map[string]string{"a.txt": folderBridge, "b.txt": folderPoll, "c/d.txt": folderStorm})
	writeTree(t, "new", map[string]string{
		"a.txt": strings.Replace(folderBridge, "shut", "open", 1), "b.txt": folderPoll,
		"c/d.txt": strings.Replace(folderStorm, "Tuesday", "Wednesday", 1),
	})
	for _, flags := range [][]string{{"--format", "plain"}, {"--format", "plain", "-U", "0"}, {"--color", "always", "--ignore-case"}} {
		run := func(args ...string) string {
			le := newLocalEnv(t, false, "")
			if code := le.run(append(append([]string{"diff"}, flags...), args...)...); code != ExitOK || le.errb.Len() != 0 {
				t.Fatalf("diff %q %q: exit %d, stderr %q", flags, args, code, le.errb)
			}
			return le.out.String()
		}
		want := run("old/a.txt", "new/a.txt") + "\n" + run("old/c/d.txt", "new/c/d.txt")
		if got := run("old", "new"); got != want {
			t.Errorf("diff %q old new:\n%s\nwant the two files' diffs:\n%s", flags, got, want)
		}
	}
}

// TestDiffTwoFoldersEscapesNames checks that the names a diff of two
// folders prints, a folder's and a file's, reach the terminal quoted, as
// every name does: an escape sequence in one is shown, never acted on.
func TestDiffTwoFoldersEscapesNames(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	oldDir, newDir := "old\x1b[2J", "new\x1b]0;x\a"
	evil := "e\x1b[31mvil.txt"
	writeTree(t, oldDir, map[string]string{"b.txt": folderBridge, evil: folderPoll})
	writeTree(t, newDir, map[string]string{"b.txt": strings.Replace(folderBridge, "shut", "open", 1), "x" + evil: folderStorm})
	if err := os.Symlink("nowhere", filepath.Join(newDir, evil+".txt")); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	le.run("diff", "--format", "plain", oldDir, newDir)
	for _, out := range []string{le.out.String(), le.errb.String()} {
		if strings.ContainsAny(out, "\x1b\a") {
			t.Errorf("a name reached the terminal raw:\n%q", out)
		}
	}
	for _, want := range []string{
		`--- "old\x1b[2J/b.txt"`, `deleted file, only in "old\x1b[2J"`, `--- "old\x1b[2J/e\x1b[31mvil.txt"`,
		`new file, only in "new\x1b]0;x\a"`, `+++ "new\x1b]0;x\a/xe\x1b[31mvil.txt"`,
	} {
		if !strings.Contains(le.out.String(), want) {
			t.Errorf("stdout has no %q:\n%s", want, le.out)
		}
	}
	if want := `"new\x1b]0;x\a/e\x1b[31mvil.txt.txt"`; !strings.Contains(le.errb.String(), want) {
		t.Errorf("stderr names the link to nothing otherwise than %s: %q", want, le.errb)
	}
}

// TestDiffTwoFoldersJSONLines checks --format json over two folders: a
// line per pair, each the document diff gives for the two files with
// the pair's path added, identical pairs included.
func TestDiffTwoFoldersJSONLines(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	writeTree(t, "old", map[string]string{"a.txt": folderBridge, "same.txt": folderPoll, "sub/gone.txt": folderStorm})
	writeTree(t, "new", map[string]string{"a.txt": strings.Replace(folderBridge, "shut", "open", 1), "same.txt": folderPoll, "sub/new.txt": folderStorm})
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "json", "--with-text", "old", "new"); code != ExitOK || le.errb.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, le.errb)
	}
	type pair struct {
		path, left, right string
		differs           bool
	}
	want := []pair{
		{"a.txt", "old/a.txt", "new/a.txt", true},
		{"same.txt", "old/same.txt", "new/same.txt", false},
		{"sub/gone.txt", "old/sub/gone.txt", "/dev/null", true},
		{"sub/new.txt", "/dev/null", "new/sub/new.txt", true},
	}
	var got []pair
	sc := bufio.NewScanner(strings.NewReader(le.out.String()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var doc map[string]any
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatalf("a line is no JSON document: %v\n%s", err, sc.Text())
		}
		side := func(k string) string { s, _ := doc[k].(map[string]any)["source"].(string); return s }
		path, _ := doc["path"].(string)
		differs, _ := doc["differs"].(bool)
		got = append(got, pair{path, side("left"), side("right"), differs})
		if path != "a.txt" && path != "same.txt" {
			continue
		}
		// The rest of the line is the two files' document.
		one := newLocalEnv(t, false, "")
		one.run("diff", "--format", "json", "--with-text", "old/"+path, "new/"+path)
		var alone map[string]any
		if err := json.Unmarshal(one.out.Bytes(), &alone); err != nil {
			t.Fatal(err)
		}
		delete(doc, "path")
		a, _ := json.Marshal(doc)
		b, _ := json.Marshal(alone)
		if string(a) != string(b) {
			t.Errorf("%s: the line, its path left out, is\n%s\nwhere the two files' document is\n%s", path, a, b)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("lines %+v, want %+v", got, want)
	}
}

// TestDiffTwoFoldersFileNotRead checks that a file of either folder that
// cannot be read (no text, a link to nothing) is said on a line of its own, naming it, and the rest still
// compared; the status says there was trouble, 2 under --exit-code.
func TestDiffTwoFoldersFileNotRead(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	edited := strings.Replace(folderBridge, "shut", "open", 1)
	writeTree(t, "old", map[string]string{"a.txt": "\x00\x01\x02binary", "b.txt": folderBridge, "d.txt/x.txt": folderPoll, "e.txt": folderStorm, "f.txt": "\x00"})
	writeTree(t, "new", map[string]string{"a.txt": folderBridge, "b.txt": edited, "e.txt": folderStorm, "f.txt": "\x00"})
	if err := os.Symlink("nowhere", filepath.Join("new", "c.txt")); err != nil {
		t.Fatal(err)
	}
	// A folder named as an article is a folder: its files are read.
	if err := os.Mkdir(filepath.Join("new", "e.txt.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		flags []string
		code  int
	}{{nil, ExitError}, {[]string{"--exit-code"}, ExitUsage}, {[]string{"-q"}, ExitUsage}} {
		le := newLocalEnv(t, false, "")
		code := le.run(append([]string{"diff", "--format", "plain", "old", "new"}, tt.flags...)...)
		if code != tt.code {
			t.Errorf("%q: exit %d, want %d", tt.flags, code, tt.code)
		}
		errs := strings.Split(strings.TrimSuffix(le.errb.String(), "\n"), "\n")
		if len(errs) != 4 || !strings.HasPrefix(errs[0], "newsdiff diff: old/a.txt: binary file") || !strings.HasPrefix(errs[1], "newsdiff diff: new/c.txt: ") ||
			!strings.HasPrefix(errs[2], "newsdiff diff: old/f.txt: binary file") || !strings.HasPrefix(errs[3], "newsdiff diff: new/f.txt: binary file") {
			t.Errorf("%q: stderr\n%s\nwant a line for old/a.txt, new/c.txt, old/f.txt and new/f.txt", tt.flags, le.errb)
		}
		wantHeads := []string{"--- old/b.txt · Bridge vote", "+++ new/b.txt · Bridge vote", "deleted file, only in old", "--- old/d.txt/x.txt · Poll closes", "+++ /dev/null"}
		if slices.Contains(tt.flags, "-q") {
			wantHeads = nil
		}
		if got := headLines(le.out.String()); !slices.Equal(got, wantHeads) {
			t.Errorf("%q: pairs headed %q, want %q", tt.flags, got, wantHeads)
		}
	}
}

// TestDiffTwoFoldersKeepsOtherMeanings checks what two folders do not
// change: a folder beside a file is its file of that name, a folder
// beside an id or with --story is no article, and --format html, one
// page for one pair, says what to give instead.
func TestDiffTwoFoldersKeepsOtherMeanings(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	writeTree(t, "old", map[string]string{"a.txt": folderBridge})
	writeTree(t, "new", map[string]string{"a.txt": strings.Replace(folderBridge, "shut", "open", 1)})
	for _, tt := range []struct {
		args      []string
		code      int
		out, errs string
	}{
		{[]string{"new/a.txt", "old"}, ExitOK, "--- new/a.txt · Bridge vote\n+++ old/a.txt · Bridge vote\n", ""},
		{[]string{"old", "003"}, ExitError, "", "newsdiff diff: old: is a directory\n"},
		{[]string{"--story", "1", "old", "new"}, ExitError, "", "newsdiff diff: old: is a directory\n"},
		{[]string{"--format", "html", "old", "new"}, ExitUsage, "", "newsdiff diff: --format html is one page for two articles, not two folders: name a file of each (newsdiff diff old/FILE new/FILE), or give --format json for every pair\n"},
	} {
		le := newLocalEnv(t, false, "")
		code := le.run(append([]string{"diff", "--format", "plain"}, tt.args...)...)
		if code != tt.code || !strings.HasPrefix(le.out.String(), tt.out) || !strings.HasPrefix(le.errb.String(), tt.errs) || (tt.out == "") != (le.out.Len() == 0) {
			t.Errorf("diff %q: exit %d, stdout\n%s\nstderr %q; want %d, stdout starting %q, stderr starting %q", tt.args, code, le.out, le.errb, tt.code, tt.out, tt.errs)
		}
	}
}

// TestDiffTwoFoldersInterrupted checks that an interrupt stops a diff of
// two folders: the status is 130 and nothing is printed, and the
// comparison itself stops between pairs.
func TestDiffTwoFoldersInterrupted(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	writeTree(t, "old", map[string]string{"a.txt": folderBridge, "b.txt": folderPoll})
	writeTree(t, "new", map[string]string{"a.txt": folderStorm, "b.txt": folderBridge})
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{os.Interrupt})
	le := newLocalEnv(t, false, "")
	if code := Run(ctx, []string{"diff", "--format", "plain", "old", "new"}, le.Env); code != 130 || le.out.Len() != 0 {
		t.Errorf("exit %d, stdout %q; want 130 and nothing", code, le.out)
	}
	a := &app{env: le.Env}
	p := &printer{app: a}
	if err := a.diffFolders(ctx, p, "newsdiff diff", "old", "new", diffOptions{format: "plain", context: -1}); err == nil || p.stdout.Len() != 0 {
		t.Errorf("diffFolders on a cancelled context: %v, stdout %q; want its error and nothing", err, p.stdout.String())
	}
}
