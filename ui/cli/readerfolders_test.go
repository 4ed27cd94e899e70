package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReaderOnTwoFolders is a regression test: "newsdiff yesterday today",
// the reader on two snapshots of a folder, failed with "yesterday: is a
// directory", though diff of the two folders compares them. The reader
// now shows a story of each path either folder has, named by the path:
// the version in the first folder on the left, the other on the right
// (an empty side for a file one folder has alone), each outlet with its
// folder's name, so that the two are told apart. A file that cannot be
// read is one of the reader's problems and leaves its pair out; the
// folders are read in the reader's background, which says what it loads.
func TestReaderOnTwoFolders(t *testing.T) {
	root := t.TempDir()
	old, now := filepath.Join(root, "yesterday"), filepath.Join(root, "today")
	writeFilesIn(t, old, map[string]string{
		"bridge.txt":  "Bridge vote\n\nThe council voted on Monday to close the old bridge.\n",
		"gone.txt":    "Ferry cut\n\nThe ferry to the island will stop running in May.\n",
		"binary.txt":  "Broken\x00file\n",
		"meta.json":   `{"bridge.txt": {"outlet": "Daily Planet"}}`,
		".hidden.txt": "Not an article\n\nIt is hidden.\n",
	})
	writeFilesIn(t, filepath.Join(now, "sub"), map[string]string{
		"new.txt": "Library opens\n\nThe new library opened its doors on Saturday.\n",
	})
	writeFilesIn(t, now, map[string]string{
		"bridge.txt": "Bridge vote\n\nThe council voted on Tuesday to close the old bridge over the river.\n",
		"binary.txt": "Broken\n\nNow it is text.\n",
		"meta.json":  `{"bridge.txt": {"outlet": "Daily Planet"}}`,
	})
	le := newLocalEnv(t, true, "")
	if code := le.run(old, now); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	r := le.read
	if r == nil || r.Load == nil {
		t.Fatalf("the reader did not open on a load in the background: %+v", r)
	}
	if !strings.Contains(r.Loading, "yesterday") || !strings.Contains(r.Loading, "today") {
		t.Errorf("loading %q names neither folder", r.Loading)
	}
	c, problems, err := r.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Stories {
		var outlets []string
		for _, a := range s.Articles {
			outlets = append(outlets, a.Outlet)
		}
		got = append(got, s.Name+": "+strings.Join(outlets, " | "))
	}
	want := []string{
		"bridge.txt: Daily Planet (yesterday) | Daily Planet (today)",
		"gone.txt: gone (yesterday) | /dev/null (today)",
		"sub/new.txt: /dev/null (yesterday) | new (today)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stories:\ngot  %q\nwant %q", got, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "binary.txt") {
		t.Errorf("problems %q, want the binary file's alone", problems)
	}
	left, right := c.Stories[0].Articles[0], c.Stories[0].Articles[1]
	if left.ID == right.ID || !strings.Contains(right.Text(right.Body), "Tuesday") {
		t.Errorf("the pair: ids %q and %q, right %q", left.ID, right.ID, right.Text(right.Body))
	}

	// Past the most the reader holds: said, with the command that
	// reads them a pair at a time.
	was := maxFolderPairs
	maxFolderPairs = 3
	_, _, err = r.Load(context.Background())
	maxFolderPairs = was
	if err == nil || !strings.Contains(err.Error(), "newsdiff diff") {
		t.Errorf("over the limit: %v", err)
	}

	// Two folders of no article: said, as diff says it.
	empty1, empty2 := filepath.Join(root, "e1"), filepath.Join(root, "e2")
	for _, d := range []string{empty1, empty2} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	le = newLocalEnv(t, true, "")
	if code := le.run(empty1, empty2); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if _, _, err := le.read.Load(context.Background()); err == nil || !strings.Contains(err.Error(), "no articles") {
		t.Errorf("two empty folders: %v", err)
	}
}

// TestReaderOnTwoFoldersOfOneName is a regression test: two snapshots of
// one site kept side by side, "newsdiff 2024/site 2025/site", gave both
// versions of a file the outlet "Daily Planet (site)" and the same id, so
// that the list, the comparison's header and the matrix could not tell
// them apart. As many of the last elements of the paths as tell the two
// apart name each folder.
func TestReaderOnTwoFoldersOfOneName(t *testing.T) {
	root := t.TempDir()
	old, now := filepath.Join(root, "2024", "site"), filepath.Join(root, "2025", "site")
	for _, d := range []string{old, now} {
		writeFilesIn(t, d, map[string]string{
			"bridge.txt": "Bridge vote\n\nThe council voted on Monday to close the old bridge.\n",
			"meta.json":  `{"bridge.txt": {"outlet": "Daily Planet"}}`,
		})
	}
	le := newLocalEnv(t, true, "")
	if code := le.run(old, now); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	c, _, err := le.read.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	left, right := c.Stories[0].Articles[0], c.Stories[0].Articles[1]
	if left.Outlet != "Daily Planet (2024/site)" || right.Outlet != "Daily Planet (2025/site)" || left.ID == right.ID {
		t.Errorf("outlets %q and %q, ids %q and %q", left.Outlet, right.Outlet, left.ID, right.ID)
	}

	for _, tc := range []struct{ old, new, wantOld, wantNew string }{
		{"a/site", "b/site", "a/site", "b/site"},
		{"yesterday", "today/", "yesterday", "today"},
		{"x/a/b", "y/a/b", "x/a/b", "y/a/b"},
		{"/", "/srv", "/", "srv"},
	} {
		o, n := folderLabels(tc.old, tc.new)
		if o != tc.wantOld || n != tc.wantNew {
			t.Errorf("folderLabels(%q, %q) = %q, %q, want %q, %q", tc.old, tc.new, o, n, tc.wantOld, tc.wantNew)
		}
	}
}
