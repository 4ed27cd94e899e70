package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeErrorsSayServeOnce checks that the server's errors name the
// command once: "newsdiff serve: serve: listen tcp …" was printed.
func TestServeErrorsSayServeOnce(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "host_ed25519")
	if err := os.WriteFile(key, []byte("not a key"), 0o644); err != nil {
		t.Fatal(err)
	}
	// No key in it: refused for its mode first, and a server that
	// took it does not start and hang the test.
	open := filepath.Join(dir, "readers\x1b[2J")
	if err := os.WriteFile(open, []byte("# readers\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o620); err != nil {
		t.Fatal(err)
	}
	// A port taken fails only when the server listens (an address
	// without a port is a usage error, see TestFlagValuesSaidInWords).
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--host-key", key, "--listen", "127.0.0.1:0"},
			"newsdiff serve: host key " + key + " is accessible by group or others (mode 0644); fix it with: chmod 600 " + key + "\n"},
		{[]string{"serve", "--host-key", filepath.Join(dir, "new_key"), "--listen", taken.Addr().String()},
			"newsdiff serve: listen tcp " + taken.Addr().String() + ": bind: address already in use\n"},
		// An authorized keys file that cannot be read is named as every
		// command names a file: it was Go's "open PATH: …" and "read
		// PATH: is a directory", the escape sequence dropped from the
		// name, which named another file.
		{[]string{"serve", "--host-key", filepath.Join(dir, "new_key"), "--listen", "127.0.0.1:0", "--authorized-keys", filepath.Join(dir, "none\x1b[2J")},
			"newsdiff serve: authorized keys " + Name(filepath.Join(dir, "none\x1b[2J")) + ": no such file or directory\n"},
		{[]string{"serve", "--host-key", filepath.Join(dir, "new_key"), "--listen", "127.0.0.1:0", "--authorized-keys", dir},
			"newsdiff serve: authorized keys " + dir + ": is a directory\n"},
		// One that group or others may write is refused, as sshd's
		// StrictModes refuses it: whoever could write it could let
		// themselves in. It was taken.
		{[]string{"serve", "--host-key", filepath.Join(dir, "new_key"), "--listen", "127.0.0.1:0", "--authorized-keys", open},
			"newsdiff serve: authorized keys " + Name(open) + " is writable by group or others (mode 0620); fix it with: chmod go-w " + Name(open) + "\n"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		le.Local.Serve = nil // the real server
		if code := le.run(tt.args...); code != ExitError {
			t.Errorf("%q: exit %d, want %d", tt.args, code, ExitError)
		}
		if got := le.errb.String(); !strings.HasSuffix(got, tt.want) {
			t.Errorf("%q: stderr\n%q\nwant it to end\n%q", tt.args, got, tt.want)
		}
	}
}

// TestServeListenHelp checks that --listen's help reads as words: the
// flag's placeholder was made by capitalising "ADDRess".
func TestServeListenHelp(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("serve", "--help"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if !strings.Contains(out, "--listen ADDR ") || strings.Contains(out, "ADDRess") {
		t.Errorf("serve --help on --listen:\n%s", out)
	}
}
