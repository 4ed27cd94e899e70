package cli

import (
	"net"
	"os"
	"path/filepath"
	"testing"
)

// TestServeFailedStartMakesNoHostKey is a regression test: a server
// that could not start (its authorized keys file empty, unreadable or
// with a key it cannot hold to its options, its port taken) had
// already written the new host key named with --host-key, left behind
// for a server that never ran. What can fail is tried first now.
func TestServeFailedStartMakesNoHostKey(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	fromOnly := filepath.Join(dir, "fromonly")
	for f, data := range map[string]string{
		empty:    "",
		fromOnly: `from="10.0.0.1" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGjkRz+Nd/m+w33k2kgYN7UQyrMLJZXNSOm1D9EVoQ3U reader@example` + "\n",
	} {
		if err := os.WriteFile(f, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tests := []struct {
		name string
		args []string
	}{
		{"authorized keys empty", []string{"--listen", "127.0.0.1:0", "--authorized-keys", empty}},
		{"authorized keys missing", []string{"--listen", "127.0.0.1:0", "--authorized-keys", filepath.Join(dir, "none")}},
		{"authorized keys a folder", []string{"--listen", "127.0.0.1:0", "--authorized-keys", dir}},
		{"authorized key with an option not held", []string{"--listen", "127.0.0.1:0", "--authorized-keys", fromOnly}},
		{"port taken", []string{"--listen", taken.Addr().String()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyDir := filepath.Join(t.TempDir(), "keys")
			key := filepath.Join(keyDir, "host_ed25519")
			le := newLocalEnv(t, false, "")
			le.Local.Serve = nil // the real server
			if code := le.run(append([]string{"serve", "--host-key", key}, tt.args...)...); code != ExitError {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitError, le.errb)
			}
			if _, err := os.Lstat(key); err == nil {
				t.Errorf("the host key was created by a server that did not start (stderr %q)", le.errb)
			}
			if _, err := os.Lstat(keyDir); err == nil {
				t.Errorf("the host key's folder was created by a server that did not start")
			}
		})
	}
}
