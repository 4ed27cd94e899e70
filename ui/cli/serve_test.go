package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/serve"
)

// sshWait bounds every wait on the server in these tests: long enough for a
// loaded machine running -race, short enough that a hang fails.
const sshWait = 20 * time.Second

// sshServer is `newsdiff serve` over the embedded corpus on a loopback port.
type sshServer struct {
	srv     *serve.Server
	addr    string
	corpus  *corpus.Corpus
	hostKey gossh.PublicKey // the server's, when srv is not at hand
}

// startServe starts a server for t with ServeConfig over the seed corpus and
// shuts it down when the test ends.
func startServe(t *testing.T) *sshServer {
	t.Helper()
	c, _, err := corpus.LoadFS(articles.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	s := serveOnLoopback(t, ServeConfig(serve.Config{HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519")}, c, analysis.NewCache(), nil))
	s.corpus = c
	return s
}

// serveOnLoopback serves cfg on a loopback port until the test ends, then
// shuts the server down, failing the test if it does not stop cleanly.
func serveOnLoopback(t *testing.T, cfg serve.Config) *sshServer {
	t.Helper()
	srv, err := serve.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), sshWait)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return &sshServer{srv: srv, addr: ln.Addr().String()}
}

// dial connects as a client with a fresh key.
func (s *sshServer) dial(t *testing.T) *gossh.Client {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	hostKey := s.hostKey
	if hostKey == nil {
		hostKey = s.srv.HostKey()
	}
	client, err := gossh.Dial("tcp", s.addr, &gossh.ClientConfig{
		User:            "reader",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.FixedHostKey(hostKey),
		Timeout:         sshWait,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

// run runs cmd over SSH and returns its output and exit status.
func (s *sshServer) run(t *testing.T, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	client := s.dial(t)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(cmd)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitStatus()
	case err != nil:
		t.Fatalf("%s: %v", cmd, err)
	}
	return out.String(), errOut.String(), status
}

// servedStderr is what a command over SSH says on stderr where the same
// command run locally says local: the same, but that a usage line offers
// no DIR (see served), and that it and a hint name a command as a client
// runs it, "ssh HOST list" (see commandName and useLine).
func servedStderr(local string) string {
	local = strings.Replace(local, " [DIR]", "", 1)
	local = strings.Replace(local, ", and at most their folder,", ",", 1)
	local = strings.ReplaceAll(local, "usage: newsdiff ", "usage: ssh HOST ")
	local = strings.ReplaceAll(local, "(try: newsdiff ", "(try: ssh HOST ")
	return strings.ReplaceAll(local, "Run 'newsdiff ", "Run 'ssh HOST ")
}

// localRun runs a command the way the newsdiff command does on the machine
// itself, over the same corpus, and returns what it printed.
func localRun(c *corpus.Corpus, args ...string) (stdout, stderr string, status int) {
	var out, errOut bytes.Buffer
	status = Run(context.Background(), args, Env{Corpus: c, Cache: analysis.NewCache(), Files: true, Stdout: &out, Stderr: &errOut})
	return out.String(), errOut.String(), status
}

// TestServeConfig checks what ServeConfig adds to the host's configuration
// and what it leaves to the caller.
func TestServeConfig(t *testing.T) {
	c, _, err := corpus.LoadFS(articles.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	cfg := ServeConfig(serve.Config{MaxSessions: 3}, c, nil, nil)
	if cfg.NewModel == nil || cfg.Exec == nil || cfg.MaxSessions != 3 {
		t.Errorf("ServeConfig: NewModel set %v, Exec set %v, MaxSessions %d; want both set and 3 kept",
			cfg.NewModel != nil, cfg.Exec != nil, cfg.MaxSessions)
	}
	if want := servedCommands(); !slices.Equal(cfg.ExecCommands, want) || !slices.Contains(want, "help") {
		t.Errorf("ExecCommands %q, want %q with help", cfg.ExecCommands, want)
	}
	if want := "1 story, 5 articles"; cfg.CorpusSize != want {
		t.Errorf("CorpusSize %q, want %q", cfg.CorpusSize, want)
	}
	if !cfg.ExactFrames {
		t.Error("ExactFrames off: the renderer measures every line of the reader's frames again to cut them")
	}
	if cfg := ServeConfig(serve.Config{ExecCommands: []string{"list"}, CorpusSize: "news"}, c, nil, nil); !slices.Equal(cfg.ExecCommands, []string{"list"}) || cfg.CorpusSize != "news" {
		t.Errorf("ServeConfig overrode the caller's ExecCommands %q or CorpusSize %q", cfg.ExecCommands, cfg.CorpusSize)
	}
}

// TestServeExec checks that a command run over SSH prints exactly what the
// same command prints locally, byte for byte, with the same exit status.
func TestServeExec(t *testing.T) {
	s := startServe(t)
	for _, args := range [][]string{
		{"diff", "003", "004", "--format", "plain"},
		{"diff", "003", "004", "--format", "json"},
		{"diff", "003", "004"},                            // plain: the output is not a terminal
		{"diff", "Al Jazeera", "trt", "--format", "ansi"}, // outlets by name and by prefix
		{"list"},
		{"list", "--format", "json"},
		{"matrix"},
		{"matrix", "--format", "json"},
		{"unique"},
		{"diff", "003"}, // a usage error, exit status 2
	} {
		cmd := shellQuote(args)
		t.Run(cmd, func(t *testing.T) {
			wantOut, wantErr, wantStatus := localRun(s.corpus, args...)
			wantErr = servedStderr(wantErr)
			stdout, stderr, status := s.run(t, cmd)
			if stdout != wantOut {
				t.Errorf("stdout over SSH differs from the local command's (%d bytes, want %d):\n%s", len(stdout), len(wantOut), firstDiff(stdout, wantOut))
			}
			if stderr != wantErr || status != wantStatus {
				t.Errorf("stderr %q, status %d; want %q, %d", stderr, status, wantErr, wantStatus)
			}
		})
	}
}

// TestServeHelp is a regression test: "ssh host help" was refused as an
// unknown command. It lists the commands a client may run, and no other,
// and says how to run one over SSH; help on a command the server does not
// run is a usage error.
func TestServeHelp(t *testing.T) {
	s := startServe(t)
	stdout, stderr, status := s.run(t, "help")
	if status != 0 || stderr != "" {
		t.Fatalf("help: status %d, stderr %q; want 0 and nothing", status, stderr)
	}
	for _, name := range Commands {
		if !regexp.MustCompile(`(?m)^  ` + name + ` `).MatchString(stdout) {
			t.Errorf("help does not list %s:\n%s", name, stdout)
		}
	}
	for _, local := range []string{"serve", "index", "add", "extract", "completion", "man"} {
		if regexp.MustCompile(`(?m)^  ` + local + ` `).MatchString(stdout) {
			t.Errorf("help lists %s, which the server does not run:\n%s", local, stdout)
		}
	}
	if !strings.Contains(stdout, "ssh HOST COMMAND") {
		t.Errorf("help does not say how to run a command over SSH:\n%s", stdout)
	}
	if _, _, status := s.run(t, "help index"); status != 2 {
		t.Errorf("help index: status %d, want 2 (a usage error)", status)
	}
}

// TestServeExecNoFiles checks that commands over SSH cannot name the
// server's files or directories, that nothing of them reaches the client,
// and that a flag error does not echo a client's escape sequences.
func TestServeExecNoFiles(t *testing.T) {
	s := startServe(t)
	// Lines of files a leak would show, where the machine has them.
	secrets := make(map[string]string) // line → file
	for _, path := range []string{"/etc/passwd", "/etc/hostname", "/etc/os-release"} {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(data)) {
			if line = strings.TrimSpace(line); len(line) >= 8 {
				secrets[line] = path
			}
		}
	}
	available := strings.Join(servedCommands(), ", ")
	tests := []struct {
		cmd        string
		wantStderr string
		wantStatus int
	}{
		{"list /etc", "newsdiff list: naming a directory or file is not allowed here\n", 1},
		{"matrix /etc", "newsdiff matrix: naming a directory or file is not allowed here\n", 1},
		{"diff --dir /etc 003 004", "newsdiff diff: naming a directory or file is not allowed here\n", 1},
		{"diff 003 004 /etc", "newsdiff diff: naming a directory or file is not allowed here\n", 1},
		{"diff /etc/passwd /etc/hostname", `newsdiff diff: no article with id or outlet "/etc/passwd" (try: ssh HOST list)` + "\n", 1},
		// The usage offers no folder where naming one is refused.
		{"diff 003", "newsdiff diff: want two articles, A and B, got 1 argument\nusage: ssh HOST diff [flags] A B\nRun 'ssh HOST diff --help' for more.\n", 2},
		{"serve", `newsdiff: unknown command "serve"; available: ` + available + "\n", 2},
		{"cat /etc/passwd", `newsdiff: unknown command "cat"; available: ` + available + "\n", 2},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			stdout, stderr, status := s.run(t, tc.cmd)
			for line, path := range secrets {
				if strings.Contains(stdout+stderr, line) {
					t.Fatalf("the output shows lines of the server's %s (%d bytes on stdout, %d on stderr)", path, len(stdout), len(stderr))
				}
			}
			if stdout != "" || stderr != tc.wantStderr || status != tc.wantStatus {
				t.Errorf("status %d, stdout %q, stderr %q\nwant %d, no stdout, stderr %q", status, stdout, stderr, tc.wantStatus, tc.wantStderr)
			}
		})
	}
}

// TestServeFlagErrorSanitised checks that a flag error over SSH, which quotes
// the client's words back, reaches the client without its escape sequences.
func TestServeFlagErrorSanitised(t *testing.T) {
	s := startServe(t)
	stdout, stderr, status := s.run(t, "list '-x\x1b]0;TITLE\a\x1b[2J'")
	if status != ExitUsage || stdout != "" || !strings.Contains(stderr, "-x") {
		t.Errorf("status %d, stdout %q, stderr %q; want %d and the flag named on stderr", status, stdout, stderr, ExitUsage)
	}
	if strings.ContainsAny(stderr, "\x1b\a") {
		t.Errorf("stderr carries raw controls: %q", stderr)
	}
}

// TestServeReader checks that an interactive session gets the reader over
// the served corpus, with the mouse on, as it has locally.
func TestServeReader(t *testing.T) {
	s := startServe(t)
	sess, screen, in, err := s.reader(t)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	outlet := s.corpus.Articles()[0].Outlet
	if !screen.waitFor("\x1b[?1002h") || !screen.waitFor(outlet) {
		t.Fatalf("the session never showed the reader listing %q with the mouse on; it got %q", outlet, screen.text())
	}
	fmt.Fprint(in, "q")
	if err := sess.Wait(); err != nil {
		t.Errorf("after q: %v", err)
	}
}

// reader opens an interactive session on s with a 120×30 terminal, as
// ssh does for the reader, and returns it with what it draws and its
// input. It returns errors rather than failing t, for sessions run
// beside each other.
func (s *sshServer) reader(t *testing.T) (*gossh.Session, *screenWaiter, io.Writer, error) {
	sess, err := s.dial(t).NewSession()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := sess.RequestPty("xterm-256color", 30, 120, gossh.TerminalModes{}); err != nil {
		sess.Close()
		return nil, nil, nil, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		sess.Close()
		return nil, nil, nil, err
	}
	in, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, nil, nil, err
	}
	if err := sess.Shell(); err != nil {
		sess.Close()
		return nil, nil, nil, err
	}
	return sess, newScreenWaiter(out), in, nil
}

// shellQuote joins args, none of which holds a quote, into a command line
// that the server splits back into args.
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if strings.Contains(a, " ") {
			a = "'" + a + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}

// firstDiff shows where got first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-40, 0)
	return fmt.Sprintf("at byte %d:\n got …%q\nwant …%q", i, got[from:min(i+40, len(got))], want[from:min(i+40, len(want))])
}
