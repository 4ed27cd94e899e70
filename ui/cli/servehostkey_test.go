package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeHostKeyNowhere is a regression test: with no user config
// directory (HOME and XDG_CONFIG_HOME unset) serve failed with "no place
// for the host key (set HostKeyPath)", naming a Go field no user of the
// command can set. It names the flag.
func TestServeHostKeyNowhere(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	le := newLocalEnv(t, false, "")
	c, _, err := le.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &app{env: le.Env}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // were a server started, it would stop at once
	err = a.runServer(ctx, ServeRequest{Corpus: c, Settings: ServeSettings{Listen: "127.0.0.1:0", MaxSessions: 1, MaxPerIP: 1, IdleTimeout: 1, MaxSession: 1}})
	if err == nil || !strings.Contains(err.Error(), "--host-key") || strings.Contains(err.Error(), "HostKeyPath") {
		t.Errorf("error %v, want one naming --host-key", err)
	}
}

// TestServeHostKeyUnwritable is a regression test: with HOME read-only,
// or its .config a file, serve said "create host key directory: mkdir …:
// permission denied" (or "stat …: not a directory") and did not say how to
// go on, where with HOME unset it named --host-key. Each now names the
// directory, safely, and the flag.
func TestServeHostKeyUnwritable(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "readonly")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	fileConfig := filepath.Join(dir, "fileconfig")
	os.Mkdir(fileConfig, 0o755)
	if err := os.WriteFile(filepath.Join(fileConfig, ".config"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(dir, "evil\x1b]0;owned\a")
	if err := os.WriteFile(hostile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, home, xdg string
		rootCan         bool // root writes a read-only directory regardless
		want            string
	}{
		{"HOME read-only", readOnly, "", true,
			"newsdiff serve: cannot create the host key in " + readOnly + "/.config/newsdiff (permission denied): name one with --host-key FILE\n"},
		{"HOME/.config a file", fileConfig, "", false,
			"newsdiff serve: cannot create the host key in " + fileConfig + "/.config/newsdiff (not a directory): name one with --host-key FILE\n"},
		{"XDG_CONFIG_HOME a file with an escape in its name", dir, hostile, false,
			`newsdiff serve: cannot create the host key in "` + dir + `/evil\x1b]0;owned\a/newsdiff" (not a directory): name one with --host-key FILE` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.rootCan && os.Geteuid() == 0 {
				t.Skip("root writes into a read-only directory")
			}
			t.Setenv("HOME", tt.home)
			t.Setenv("XDG_CONFIG_HOME", tt.xdg)
			le := newLocalEnv(t, false, "")
			le.Local.Serve = nil // the real server
			if code := le.run("serve", "--listen", "127.0.0.1:0"); code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if got := le.errb.String(); !strings.HasSuffix(got, tt.want) {
				t.Errorf("stderr\n%q\nwant it to end\n%q", got, tt.want)
			}
		})
	}
}
