package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestAuthOpen(t *testing.T) {
	ts := startServer(t, Config{})

	if _, _, status := runWith(t, ts, "list", gossh.PublicKeys(newClientKey(t))); status != 0 {
		t.Errorf("any public key: exit status %d, want 0", status)
	}

	asked := false
	kbd := gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
		if len(questions) > 0 {
			asked = true
		}
		return make([]string, len(questions)), nil
	})
	if _, _, status := runWith(t, ts, "list", kbd); status != 0 || asked {
		t.Errorf("keyboard-interactive: exit status %d, asked %v; want 0 without a question", status, asked)
	}
}

// TestPasswordNeverOffered checks a password-only client is refused without
// ever being asked for its password.
func TestPasswordNeverOffered(t *testing.T) {
	for _, name := range []string{"open", "authorized keys"} {
		t.Run(name, func(t *testing.T) {
			cfg := Config{}
			if name == "authorized keys" {
				cfg.AuthorizedKeysPath = writeAuthorizedKeys(t, newClientKey(t).PublicKey())
			}
			ts := startServer(t, cfg)
			asked := false
			password := gossh.PasswordCallback(func() (string, error) {
				asked = true
				return "hunter2", nil
			})
			if _, err := ts.tryDial(t, password); err == nil {
				t.Error("password-only client got in")
			}
			if asked {
				t.Error("the client was asked for a password")
			}
		})
	}
}

func TestAuthorizedKeys(t *testing.T) {
	listed, unlisted := newClientKey(t), newClientKey(t)
	ts := startServer(t, Config{AuthorizedKeysPath: writeAuthorizedKeys(t, listed.PublicKey())})

	if _, err := ts.tryDial(t, gossh.PublicKeys(unlisted)); err == nil {
		t.Error("unlisted key got in")
	}
	noQuestions := gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
		return make([]string, len(q)), nil
	})
	if _, err := ts.tryDial(t, noQuestions); err == nil {
		t.Error("keyboard-interactive got in although only listed keys may")
	}
	if _, _, status := runWith(t, ts, "list", gossh.PublicKeys(listed)); status != 0 {
		t.Errorf("listed key: exit status %d, want 0", status)
	}
	ts.waitLog(t, "key="+gossh.FingerprintSHA256(unlisted.PublicKey()))
	ts.waitLog(t, `reason="authentication failed (publickey)"`)
	if logs := ts.logs.String(); strings.Contains(logs, "ssh-ed25519 AAAA") {
		t.Errorf("a key itself was logged:\n%s", logs)
	}
}

func TestAuthorizedKeysFileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("# nobody yet\n\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "missing"): "no such file",
		empty:                         "no public key in " + empty,
	} {
		_, err := New(Config{HostKeyPath: filepath.Join(dir, "key"), AuthorizedKeysPath: path, Exec: testExec})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("New with authorized keys %s: error %v, want one containing %q", path, err, want)
		}
	}
}

// writeAuthorizedKeys writes an authorized_keys file listing keys, with the
// comments, blank lines and options real files have.
func writeAuthorizedKeys(t *testing.T, keys ...gossh.PublicKey) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("# readers allowed in\n\n")
	for i, k := range keys {
		if i%2 == 1 {
			b.WriteString(`no-port-forwarding,restrict `)
		}
		b.WriteString(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) + " reader@example\n")
	}
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runWith runs cmd on a connection authenticated with auth.
func runWith(t *testing.T, ts *testServer, cmd string, auth gossh.AuthMethod) (stdout, stderr string, status int) {
	t.Helper()
	sess, err := ts.dial(t, auth).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut syncBuffer
	sess.Stdout, sess.Stderr = &out, &errOut
	status = exitStatus(t, sess.Run(cmd))
	return out.String(), errOut.String(), status
}

// TestServingCountsOneKey checks the start line's count of authorized
// keys: a file of one key was logged as "1 authorized keys".
func TestServingCountsOneKey(t *testing.T) {
	for _, tt := range []struct {
		keys int
		want string
	}{
		{1, `auth="1 authorized key"`},
		{2, `auth="2 authorized keys"`},
	} {
		var keys []gossh.PublicKey
		for range tt.keys {
			keys = append(keys, newClientKey(t).PublicKey())
		}
		ts := startServer(t, Config{AuthorizedKeysPath: writeAuthorizedKeys(t, keys...)})
		ts.waitLog(t, "msg=serving")
		if logs := ts.logs.String(); !strings.Contains(logs, tt.want+"\n") && !strings.Contains(logs, tt.want+" ") {
			t.Errorf("%d keys: the start line lacks %s:\n%s", tt.keys, tt.want, logs)
		}
	}
}

// TestAuthorizedKeyOptionsNotHeld is a regression test: the options of
// an authorized key were ignored, and a key the file let in only from one
// address (from=), only to run one command (command=), only until a day
// (expiry-time=) or only without a terminal (no-pty) got in from anywhere,
// to anything, for ever. The server cannot hold a key to them, and now
// refuses to start with such a key, naming its line; the options it keeps
// by what it is (it forwards nothing and runs no shell) are taken.
func TestAuthorizedKeyOptionsNotHeld(t *testing.T) {
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(newClientKey(t).PublicKey())))
	dir := t.TempDir()
	for i, tt := range []struct {
		options string
		want    string // "" when the server starts
	}{
		{`from="10.0.0.1"`, "line 3: option from is not supported here (the key would be let in from any address)"},
		{`no-port-forwarding,From="10.0.0.1"`, "line 3: option from is not supported"},
		{`command="list"`, "line 3: option command is not supported"},
		{`expiry-time="20200101"`, "line 3: option expiry-time is not supported"},
		{`restrict,no-pty`, "line 3: option no-pty is not supported"},
		{`verify-required`, "line 3: option verify-required is not supported"},
		{`restrict`, ""},
		{`no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-user-rc`, ""},
		{`restrict,pty,permitopen="localhost:80",environment="A=B"`, ""},
	} {
		path := filepath.Join(dir, fmt.Sprintf("authorized_keys%d", i))
		content := "# readers\n" + key + " first@example\n" + tt.options + " " + key + " second@example\n"
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := New(Config{HostKeyPath: filepath.Join(dir, "key"), AuthorizedKeysPath: path, Exec: testExec})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: New: %v, want the key taken", tt.options, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), path+": "+tt.want)):
			t.Errorf("%s: New: %v, want an error containing %q", tt.options, err, path+": "+tt.want)
		}
	}
}
