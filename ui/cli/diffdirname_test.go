package cli

import (
	"os"
	"strings"
	"testing"
)

// TestDiffFolderNamedLikeAnOutlet is a regression test: a folder named
// without a dot or slash was taken for an outlet or id prefix of the
// built-in story when no file stood beside it. "newsdiff diff al tr",
// al/ and tr/ folders of the working directory, compared Al Jazeera with
// TRT World and exited 0; "newsdiff diff - h" compared standard input
// with Hacked.com. A name that is there on disk is read as a file is
// (see TestFilesNamedAsDiffTakesThem): a folder is said to be one.
func TestDiffFolderNamedLikeAnOutlet(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"al", "tr", "h"} {
		if err := os.Mkdir(dir+"/"+d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, tt := range []struct {
		args []string
		want string
	}{
		// Two folders are compared file by file (see
		// TestDiffTwoFolders): these hold no article, which is said.
		{[]string{"diff", "--format", "plain", "al", "tr"}, "no articles in al or tr"},
		{[]string{"diff", "--format", "plain", "-", "h"}, "h: is a directory"},
		{[]string{"diff", "--format", "plain", "tr", "-"}, "tr: is a directory"},
		{[]string{"diff", "--format", "plain", "003", "al"}, "al: is a directory"},
	} {
		le := newLocalEnv(t, false, "Bridge vote\n\nThe council voted to close the bridge.\n")
		code := le.run(tt.args...)
		errs := le.errb.String()
		if code != ExitError || !strings.Contains(errs, tt.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want %d and one line saying %q", tt.args, code, errs, ExitError, tt.want)
		}
		if le.out.Len() != 0 {
			t.Errorf("%q: compared something:\n%s", tt.args, le.out)
		}
	}
	// An id the story has exactly is still that article, folder or not.
	if err := os.Mkdir(dir+"/003_95bcf1536ed6ca96", 0o755); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", "003_95bcf1536ed6ca96", "004"); code != ExitOK || !strings.Contains(le.out.String(), "Al Jazeera") {
		t.Errorf("exact id beside a folder of that name: exit %d, stderr %q", code, le.errb)
	}
}
