package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGitExternalDiffEmptyFileAddedOrDeleted is a regression test: as
// git's external diff, an empty file added (or deleted) was said to have
// "the same words" as /dev/null and nothing more, so the file's coming or
// going was shown nowhere. git's own diff heads such a file with "new file
// mode 100644" ("deleted file mode 100644"), and the line now says it.
func TestGitExternalDiffEmptyFileAddedOrDeleted(t *testing.T) {
	dir := writeFiles(t, map[string]string{"empty": "", "blank": "\n  \n"})
	hex := strings.Repeat("ab", 20)
	empty, blank := filepath.Join(dir, "empty"), filepath.Join(dir, "blank")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"news/notes.txt", "/dev/null", ".", ".", empty, hex, "100644"},
			"Files /dev/null and b/news/notes.txt have the same words (new file mode 100644)\n"},
		{[]string{"news/notes.txt", blank, hex, "100755", "/dev/null", ".", "."},
			"Files a/news/notes.txt and /dev/null have the same words (deleted file mode 100755)\n"},
		// A file that stays is said to be the same as before, with no
		// line of a new or deleted file.
		{[]string{"news/notes.txt", empty, hex, "100644", blank, hex, "100644"},
			"Files a/news/notes.txt and b/news/notes.txt have the same words\n"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		if got := le.out.String(); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.args, got, tt.want)
		}
	}
}
