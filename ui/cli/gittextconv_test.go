package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGitTextconvPageWithoutArticle is a regression test: as git's
// textconv filter, extract failed on a version of a page with no article
// in it (emptied, markup alone, binary bytes), and git stopped its diff and
// its log there ("unable to read files to diff", status 128). Run by git,
// such a version is now empty text, with one line on stderr saying why;
// run from a shell, the same page is still an error.
func TestGitTextconvPageWithoutArticle(t *testing.T) {
	bin := newsdiffBinary(t)
	needGit(t)
	page, err := os.ReadFile("../../corpus/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		return runGit(t, dir, nil, args...)
	}
	git("init", "-q")
	git("config", "diff.html.textconv", bin+" extract")
	os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("*.html diff=html\n"), 0o644)
	file := filepath.Join(dir, "page.html")
	versions := []struct{ name, text string }{
		{"the article", string(page)},
		{"markup alone", "<html><body><nav><a href=/>Home</a></nav></body></html>"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
		{"emptied", ""},
	}
	for _, v := range versions {
		os.WriteFile(file, []byte(v.text), 0o644)
		git("add", "-A")
		git("commit", "-q", "-m", v.name)
	}
	os.WriteFile(file, page, 0o644) // the working tree has the article again

	log := git("log", "-p", "--format=commit %s")
	for _, want := range []string{
		"commit markup alone\n",
		"-Harbour bridge reopens after storm repairs\n",
		"no article text found in the page; given to git as empty text\n",
		"not a web page: binary data (NUL byte at 8); given to git as empty text\n",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("git log -p lacks %q:\n%s", want, log)
		}
	}
	diff := git("diff")
	if !strings.Contains(diff, "+Harbour bridge reopens after storm repairs\n") {
		t.Errorf("git diff does not show the article put back:\n%s", diff)
	}

	// Under git, a file that is not there fails still: git hands a
	// filter none such.
	cmd := exec.Command(bin, "extract", filepath.Join(dir, "missing.html"))
	cmd.Env = append(os.Environ(), "GIT_EXEC_PATH=/usr/lib/git-core")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "missing.html: no such file or directory\n") {
		t.Errorf("extract of a missing file under git: %v, %q; want status 1 and the reason", err, out)
	}

	// From a shell, not from git, a page without an article fails.
	empty := filepath.Join(t.TempDir(), "empty.html")
	os.WriteFile(empty, nil, 0o644)
	cmd = exec.Command(bin, "extract", empty)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "GIT_EXEC_PATH=") })
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ee, ok := errors.AsType[*exec.ExitError](err); !ok || ee.ExitCode() != 1 || out.Len() != 0 ||
		errb.String() != "newsdiff extract: "+empty+": no article text found in the page\n" {
		t.Errorf("extract of an empty page from a shell: %v, stdout %q, stderr %q; want status 1 and the reason", err, out.String(), errb.String())
	}
}
