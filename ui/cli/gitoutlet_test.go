package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitExternalDiffOutlets is a regression test: as git's external
// diff, newsdiff named the outlet meta.json gives a file on the side git
// reads from the working tree, and on the other, which git writes to a
// temporary folder with no meta.json, the file's path. Each side now takes
// its metadata from the working tree's meta.json beside the path git names
// for it; the old version of a renamed file, from its new name's entry
// when its old name has none; and an entry changed since the older
// version says what it says now on both sides, as git tells an external
// diff the contents of each version, not the commit they come from.
func TestGitExternalDiffOutlets(t *testing.T) {
	bin := newsdiffBinary(t)
	needGit(t)
	dir := t.TempDir()
	git := func(sub string, args ...string) string {
		t.Helper()
		return runGit(t, filepath.Join(dir, sub), []string{"GIT_EXTERNAL_DIFF=" + bin}, args...)
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bridge := "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor of the town.\n\nWork on the river crossing will start in the spring, officials said.\n"
	strike := "Rail strike\n\nThe union called a strike on the railway for Friday, its leader said on Tuesday.\n"

	git("", "init", "-q")
	write("news/bridge.txt", bridge)
	write("news/strike.txt", strike)
	write("news/meta.json", `{"bridge.txt": {"outlet": "Morning Post"}, "strike.txt": {"outlet": "Evening Star"}}`)
	git("", "add", ".")
	git("", "commit", "-q", "-m", "first")

	// A rename with its entry in meta.json moved, and an entry changed.
	git("", "mv", "news/bridge.txt", "news/crossing.txt")
	write("news/crossing.txt", strings.Replace(bridge, "open", "close", 1))
	write("news/strike.txt", strings.Replace(strike, "Friday", "Saturday", 1))
	write("news/meta.json", `{"crossing.txt": {"outlet": "Morning Post"}, "strike.txt": {"outlet": "Evening Standard"}}`)
	git("", "add", ".")
	git("", "commit", "-q", "-m", "second")

	// A change in the working tree.
	write("news/strike.txt", strings.Replace(strike, "Friday", "Sunday", 1))

	for _, tt := range []struct {
		name string
		sub  string // the folder git runs in
		args []string
		want []string
	}{
		{"working tree", "", []string{"diff"}, []string{
			"--- a/news/strike.txt · Evening Standard · Rail strike\n+++ b/news/strike.txt · Evening Standard · Rail strike\n",
		}},
		{"working tree, from a folder, --relative", "news", []string{"diff", "--relative"}, []string{
			"--- a/strike.txt · Evening Standard · Rail strike\n+++ b/strike.txt · Evening Standard · Rail strike\n",
		}},
		{"two commits", "", []string{"diff", "-M", "HEAD~1", "HEAD"}, []string{
			"--- a/news/bridge.txt · Morning Post · Bridge vote\n+++ b/news/crossing.txt · Morning Post · Bridge vote\n",
			"--- a/news/strike.txt · Evening Standard · Rail strike\n+++ b/news/strike.txt · Evening Standard · Rail strike\n",
		}},
		{"log -p, from a folder", "news", []string{"log", "-p", "--ext-diff", "-M", "-1"}, []string{
			"--- a/news/bridge.txt · Morning Post · Bridge vote\n+++ b/news/crossing.txt · Morning Post · Bridge vote\n",
			"--- a/news/strike.txt · Evening Standard · Rail strike\n+++ b/news/strike.txt · Evening Standard · Rail strike\n",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := git(tt.sub, tt.args...)
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("git %s: no\n%s\nin\n%s", strings.Join(tt.args, " "), want, out)
				}
			}
		})
	}
}
