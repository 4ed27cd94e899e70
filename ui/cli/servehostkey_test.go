package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/ui/serve"
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

// TestServeKeyFilesNamedSafely is a regression test: a host key or an
// authorized keys file named with --host-key or --authorized-keys that
// could not serve was named raw in the error ("host key PATH is
// accessible …", "host key PATH: ssh: no key found", "write host key:
// open DIR/.host-key-123: …", "no public key in PATH"), and the terminal's
// sanitising dropped the escape sequence from the name: the message named
// another file, or, for a key that could not be created, a temporary file
// the user never named. Each names the file as every command names one.
func TestServeKeyFilesNamedSafely(t *testing.T) {
	dir := t.TempDir()
	evil := func(name string) string { return filepath.Join(dir, name+"\x1b[2J") }
	open, garbage, folder, notDir, noKeys := evil("open"), evil("garbage"), evil("folder"), evil("file"), evil("nokeys")
	if _, err := serve.New(serve.Config{HostKeyPath: open, Exec: func(context.Context, []string, io.Writer, io.Writer) int { return 0 }}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{garbage, notDir, noKeys} {
		if err := os.WriteFile(f, []byte("not a key\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	// A public key, as ssh-keygen writes one beside its private key:
	// the file most often given in the private key's place.
	public := evil("key.pub")
	if err := os.WriteFile(public, []byte("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGjkRz+Nd/m+w33k2kgYN7UQyrMLJZXNSOm1D9EVoQ3U reader@example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh_key")
	fromOnly := evil("fromonly")
	if err := os.WriteFile(fromOnly, []byte(`from="10.0.0.1" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGjkRz+Nd/m+w33k2kgYN7UQyrMLJZXNSOm1D9EVoQ3U reader@example`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"host key open to others", []string{"--host-key", open},
			"newsdiff serve: host key " + Name(open) + " is accessible by group or others (mode 0644); fix it with: chmod 600 " + Name(open) + "\n"},
		{"host key not a key", []string{"--host-key", garbage},
			"newsdiff serve: host key " + Name(garbage) + " is not a private key\n"},
		{"host key a public key", []string{"--host-key", public},
			"newsdiff serve: host key " + Name(public) + " is not a private key (a public key?)\n"},
		{"host key a folder", []string{"--host-key", folder},
			"newsdiff serve: host key " + Name(folder) + ": not a regular file\n"},
		{"host key under a file", []string{"--host-key", filepath.Join(notDir, "key")},
			"newsdiff serve: cannot create the host key " + Name(filepath.Join(notDir, "key")) + " (not a directory)\n"},
		{"authorized keys without a key", []string{"--host-key", fresh, "--authorized-keys", noKeys},
			"newsdiff serve: authorized keys: no public key in " + Name(noKeys) + "\n"},
		{"authorized key with an option not held", []string{"--host-key", fresh, "--authorized-keys", fromOnly},
			"newsdiff serve: authorized keys " + Name(fromOnly) + ": line 1: option from is not supported here (the key would be let in from any address): remove the key or the option\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			le := newLocalEnv(t, false, "")
			le.Local.Serve = nil // the real server
			if code := le.run(append([]string{"serve", "--listen", "127.0.0.1:0"}, tt.args...)...); code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if got := le.errb.String(); !strings.HasSuffix(got, tt.want) {
				t.Errorf("stderr\n%q\nwant it to end\n%q", got, tt.want)
			}
		})
	}
}
