package cli_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tests in this file run the real newsdiff binary, built once.
var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

func newsdiffBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the newsdiff binary: skipped in -short mode")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsdiff-bin")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "newsdiff")
		if out, err := exec.Command("go", "build", "-o", binary, "../..").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tmuxStarted {
		// tmux leaves its socket file behind when its server is killed.
		path, _ := exec.Command("tmux", "-L", tmuxSocket, "display-message", "-p", "#{socket_path}").Output()
		exec.Command("tmux", "-L", tmuxSocket, "kill-server").Run()
		if p := strings.TrimSpace(string(path)); p != "" {
			os.Remove(p)
		}
	}
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// slowStory writes a story whose matrix takes many seconds: 30 articles of
// 150 paragraphs of words from a small vocabulary, all pairs compared.
func slowStory(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	story := filepath.Join(dir, "story")
	os.Mkdir(story, 0o755)
	words := strings.Fields("council bridge mayor river vote monday town report hall street budget plan school road tax water park police fire court")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 30 {
		var b strings.Builder
		fmt.Fprintf(&b, "Title %d\n\n", i)
		for range 150 {
			for range 5 {
				for k := range 12 {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(words[rng.IntN(len(words))])
				}
				b.WriteString(". ")
			}
			b.WriteString("\n\n")
		}
		os.WriteFile(filepath.Join(story, fmt.Sprintf("a%02d.txt", i)), []byte(b.String()), 0o644)
	}
	return dir
}

// TestInterrupt sends SIGINT and SIGTERM to a long story command and
// checks that it stops at once with 130 or 143, writing nothing to stdout.
// The time it takes is logged; scripts/interrupt.sh measures it.
func TestInterrupt(t *testing.T) {
	bin := newsdiffBinary(t)
	for _, tt := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := slowStory(t) // each its own index, made as it starts
			cmd := exec.Command(bin, "matrix", dir)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			started := time.Now()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// The command catches signals before it opens the archive's
			// index: sent before that, on a machine so loaded that the
			// binary took 300 ms to start, the signal ended the process
			// as its default action does, without the status.
			waitForFile(t, filepath.Join(dir, ".newsdiff", "index.db"), done)
			select {
			case err := <-done:
				t.Skipf("matrix finished before the signal (%v): the machine is faster than this test assumes", err)
			case <-time.After(300*time.Millisecond - time.Since(started)):
				// Well inside the analysis's one-second budget, past
				// which matrix ends on its own: at 700 ms a faster
				// machine could finish first and skip the test.
			}
			sent := time.Now()
			cmd.Process.Signal(tt.sig)
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 5 s after %v", tt.sig)
			}
			t.Logf("%v: exited %v after the signal", tt.sig, time.Since(sent).Round(time.Millisecond))
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tt.want {
				t.Errorf("exit %v, want status %d", err, tt.want)
			}
			if out.Len() != 0 || errb.Len() != 0 {
				t.Errorf("stdout %q, stderr %q; want neither", out.String(), errb.String())
			}
		})
	}
}

// waitForFile waits until path exists or the process whose Wait sends to
// done has ended (leaving its result in done), failing t after ten
// seconds.
func waitForFile(t *testing.T, path string, done chan error) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		select {
		case err := <-done:
			done <- err
			return
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after 10 s", path)
		}
	}
}

// needGit skips t where git is not installed.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// runGit runs git with args in dir and returns what it wrote, failing t
// if git fails. Git reads no config but the repository's, has an author
// and a committer, pages nothing, and has env besides.
func runGit(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_PAGER=cat",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// gitRepo makes a repository with one committed article changed in the
// working tree.
func gitRepo(t *testing.T) string {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		runGit(t, dir, nil, args...)
	}
	git("init", "-q")
	os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor of the town.\n"), 0o644)
	git("add", "story.txt")
	git("commit", "-q", "-m", "first")
	os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor of the town.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "new.txt"), []byte("New story\n\nA new article about the river and the town hall appeared today.\n"), 0o644)
	git("add", "-N", "new.txt")
	return dir
}

// TestGitExternalDiff runs git diff with newsdiff as GIT_EXTERNAL_DIFF,
// as the README shows: git calls it with seven arguments per file.
func TestGitExternalDiffBinary(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := gitRepo(t)
	cmd := exec.Command("git", "diff")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_EXTERNAL_DIFF="+bin, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_PAGER=cat")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git diff: %v\n%s", err, out)
	}
	for _, want := range []string{"--- a/story.txt", "[-open-]{+close+}", "--- /dev/null\n+++ b/new.txt", "{+A new article about the river"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("git diff output lacks %q:\n%s", want, out)
		}
	}
	if bytes.Contains(out, []byte("\x1b")) {
		t.Errorf("escape sequences in git's piped output:\n%q", out)
	}
}

// TestGitExternalDiffContext is a regression test: as git's external diff,
// newsdiff showed every passage of a changed file, where git diff shows
// the changes with three lines around each; and there was no way to say
// how many, as git passes no -U to an external diff. It now shows three
// passages around each change, or the -U that GIT_EXTERNAL_DIFF gives it.
// Its test files are named as no flag or command could take them: git
// names a path first, and "-notes.txt" was taken for a flag and "list"
// for the command, each stopping git's diff.
func TestGitExternalDiffContext(t *testing.T) {
	bin := newsdiffBinary(t)
	needGit(t)
	dir := t.TempDir()
	git := func(extra []string, args ...string) string {
		t.Helper()
		return runGit(t, dir, extra, args...)
	}
	var paras []string
	for i := range 20 {
		paras = append(paras, fmt.Sprintf("Item %d: the council voted on agenda item number %d on Monday, said the mayor of the town.", i, i))
	}
	article := "Council agenda\n\n" + strings.Join(paras, "\n\n") + "\n"
	files := []string{"story.txt", "-notes.txt", "list"}
	git(nil, "init", "-q")
	for _, f := range files {
		os.WriteFile(filepath.Join(dir, f), []byte(article), 0o644)
	}
	git(nil, "add", "--", ".")
	git(nil, "commit", "-q", "-m", "first")
	for _, f := range files {
		os.WriteFile(filepath.Join(dir, f), []byte(strings.Replace(article, "item number 10 ", "item number ten ", 1)), 0o644)
	}
	for _, tt := range []struct {
		external string
		want     int // passages shown per file
	}{
		{bin, 7},
		{bin + " -U 0", 1},
		{bin + " --context 1", 3},
		{bin + " -U 100", 21},
	} {
		out := git([]string{"GIT_EXTERNAL_DIFF=" + tt.external}, "diff")
		for _, f := range files {
			head := "--- a/" + f + " "
			i := strings.Index(out, head)
			if i < 0 {
				t.Errorf("GIT_EXTERNAL_DIFF=%q: no diff of %s:\n%s", tt.external, f, out)
				continue
			}
			section := out[i+len(head):]
			if next := strings.Index(section, "\n--- a/"); next >= 0 {
				section = section[:next]
			}
			if n := strings.Count(section, "\n@@ "); n != tt.want {
				t.Errorf("GIT_EXTERNAL_DIFF=%q: %s shows %d passages, want %d:\n%s", tt.external, f, n, tt.want, section)
			}
			if !strings.Contains(section, "[-10-]{+ten+}") {
				t.Errorf("GIT_EXTERNAL_DIFF=%q: %s lacks the change:\n%s", tt.external, f, section)
			}
		}
	}
}

// TestGitDifftool runs newsdiff as git difftool's command, as the README
// shows.
func TestGitDifftool(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := gitRepo(t)
	cmd := exec.Command("git", "-c", "difftool.newsdiff.cmd="+bin+` diff "$LOCAL" "$REMOTE"`, "difftool", "--no-prompt", "--tool=newsdiff", "--", "story.txt")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git difftool: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("[-open-]{+close+}")) {
		t.Errorf("git difftool output lacks the change:\n%s", out)
	}
}

// TestReaderSignal runs the reader in tmux and sends it SIGTERM and
// SIGINT: it must leave the alternate screen and exit 143 or 130. (Bubble
// Tea's own signal handler raced with the context and hung the shutdown.)
func TestReaderSignal(t *testing.T) {
	bin := newsdiffBinary(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		want string
	}{{syscall.SIGTERM, "EXIT=143"}, {syscall.SIGINT, "EXIT=130"}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			pidFile := filepath.Join(dir, "pid")
			// The shell records the reader's pid, then execs it in the
			// foreground, where it owns the terminal.
			tmux := readerInTmux(t, "newsdiff-cli", fmt.Sprintf(`sh -c 'echo $$ > %s; exec %s'`, pidFile, bin))
			raw, _ := os.ReadFile(pidFile)
			var pid int
			fmt.Sscan(string(raw), &pid)
			if err := syscall.Kill(pid, tt.sig); err != nil {
				t.Fatal(err)
			}
			screen := tmux.exitScreen(t, tt.sig.String())
			if !strings.Contains(screen, tt.want) || strings.Contains(screen, "Swell Digest") {
				t.Errorf("after %v, want %s on the normal screen:\n%s", tt.sig, tt.want, screen)
			}
		})
	}
}

// tmuxSession is a detached tmux session running the reader.
type tmuxSession string

// The sessions run on a tmux server of the tests' own, never the user's
// or another test process's, and a keeper session holds it up between
// tests: a server whose last session was killed exits, and a new session
// asked of it as it went failed with "server exited unexpectedly".
var (
	tmuxSocket  = fmt.Sprintf("newsdiff-cli-test-%d", os.Getpid())
	tmuxStarted bool
)

// startTmux starts the tests' tmux server with its keeper session, once.
func startTmux(t *testing.T) {
	t.Helper()
	if tmuxStarted {
		return
	}
	if out, err := exec.Command("tmux", "-L", tmuxSocket, "new-session", "-d", "-s", "keeper", "sleep 3600").CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	tmuxStarted = true
}

// readerInTmux runs command, a shell command starting the reader on the
// sample story, in a tmux session (see commandInTmux) and waits for the
// reader's first screen.
func readerInTmux(t *testing.T, prefix, command string) tmuxSession {
	t.Helper()
	session := commandInTmux(t, prefix, command)
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(session.screen(), "Swell Digest") {
		if time.Now().After(deadline) {
			t.Fatalf("the reader never showed:\n%s", session.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
	return session
}

// commandInTmux runs command, a shell command, in a detached 100×30 tmux
// session named after prefix. The session prints EXIT=status when the
// command ends, and is killed when the test ends.
func commandInTmux(t *testing.T, prefix, command string) tmuxSession {
	t.Helper()
	session := tmuxSession(fmt.Sprintf("%s-%d", prefix, os.Getpid()))
	script := command + " ; echo EXIT=$?; sleep 60"
	startTmux(t)
	if out, err := exec.Command("tmux", "-L", tmuxSocket, "new-session", "-d", "-s", string(session), "-x", "100", "-y", "30", script).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { session.run("kill-session", "-t", string(session)) })
	return session
}

// run runs tmux with args and returns what it printed.
func (tmuxSession) run(args ...string) string {
	out, _ := exec.Command("tmux", append([]string{"-L", tmuxSocket}, args...)...).CombinedOutput()
	return string(out)
}

// screen returns what the session's pane shows.
func (s tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", string(s)) }

// sendKeys sends keys (tmux send-keys arguments) to the session.
func (s tmuxSession) sendKeys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", string(s)}, keys...)...)
}

// waitFor waits up to 15 s for the session's screen to show what, as
// shows tells, and fails the test with the screen if it never does.
func (s tmuxSession) waitFor(t *testing.T, what string, shows func(screen string) bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		screen := s.screen()
		if shows(screen) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed:\n%s", what, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// exitScreen waits up to 5 s for the reader to exit, after what happened,
// and returns the screen showing its EXIT= line.
func (s tmuxSession) exitScreen(t *testing.T, what string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		screen := s.screen()
		if strings.Contains(screen, "EXIT=") {
			return screen
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reader did not exit within 5 s of %s:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
