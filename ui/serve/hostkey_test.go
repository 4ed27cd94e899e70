package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestHostKeyCreatedThenReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "newsdiff")
	path := filepath.Join(dir, "host_ed25519")

	first, err := New(Config{HostKeyPath: path, Exec: testExec})
	if err != nil {
		t.Fatal(err)
	}
	if got := first.HostKey().Type(); got != gossh.KeyAlgoED25519 {
		t.Errorf("host key type %s, want %s", got, gossh.KeyAlgoED25519)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700, filepath.Dir(dir): 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", p, got, want)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".host-key-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %q", leftovers)
	}

	second, err := New(Config{HostKeyPath: path, Exec: testExec})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := gossh.FingerprintSHA256(first.HostKey()), gossh.FingerprintSHA256(second.HostKey()); a != b {
		t.Errorf("second start has host key %s, want the first's %s", b, a)
	}
}

// TestHostKeyCreatedOnceConcurrently starts several servers on a fresh path
// at once; they must all end up with the one key on disk.
func TestHostKeyCreatedOnceConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	const n = 8
	fingerprints := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srv, err := New(Config{HostKeyPath: path, Exec: testExec})
			if err != nil {
				t.Error(err)
				return
			}
			fingerprints[i] = gossh.FingerprintSHA256(srv.HostKey())
		}()
	}
	wg.Wait()
	onDisk, err := loadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, fp := range fingerprints {
		if want := gossh.FingerprintSHA256(onDisk.PublicKey()); fp != want {
			t.Errorf("server %d has host key %s, want the one on disk %s", i, fp, want)
		}
	}
}

func TestHostKeyRefusedWhenOthersCanRead(t *testing.T) {
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660} {
		path := filepath.Join(t.TempDir(), "host_ed25519")
		if _, err := New(Config{HostKeyPath: path, Exec: testExec}); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := New(Config{HostKeyPath: path, Exec: testExec})
		if err == nil || !strings.Contains(err.Error(), "chmod 600 "+path) {
			t.Errorf("mode %04o: New error %v, want one that says chmod 600 %s", mode, err, path)
		}
	}
}

func TestHostKeyUnreadable(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage")
	if err := os.WriteFile(garbage, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{garbage, dir} {
		_, err := New(Config{HostKeyPath: path, Exec: testExec})
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("host key %s: New error %v, want one naming the path", path, err)
		}
	}
}

// TestHostKeyNotAPrivateKey is a regression test: a file that holds no
// private key given as the host key, a public key most of all (the
// .pub beside a key), was refused with x/crypto's "ssh: no key found",
// which did not say what was wrong with it.
func TestHostKeyNotAPrivateKey(t *testing.T) {
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	pkix, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	locked, err := gossh.MarshalPrivateKeyWithPassphrase(priv, "", []byte("secret"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"public key", gossh.MarshalAuthorizedKey(signer.PublicKey()), "is not a private key (a public key?)"},
		{"public key in PEM", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pkix}), "is not a private key (a public key?)"},
		{"text", []byte("not a key\n"), "is not a private key"},
		{"empty", nil, "is not a private key"},
		{"protected by a passphrase", pem.EncodeToMemory(locked), "is protected by a passphrase: the server needs a key without one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_"))
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := New(Config{HostKeyPath: path, Exec: testExec})
			if want := "serve: host key " + path + " " + tt.want; err == nil || err.Error() != want {
				t.Errorf("New error %v, want %q", err, want)
			}
		})
	}
}

// TestHostKeyLinkToNothing is a regression test: a host key path that is
// a symbolic link to nothing, or a loop of links, failed with Go's
// "stat PATH: no such file or directory" (or "too many levels of
// symbolic links"): not a *HostKeyError, so a caller could not name the
// file its own way, and serve printed the name with its escape
// sequences dropped, another file's. Nor did it say why a key that is
// "created on first start" was not.
func TestHostKeyLinkToNothing(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "dangling\x1b[2J")
	if err := os.Symlink(filepath.Join(dir, "missing", "key"), dangling); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{dangling, "NAME is a symbolic link to a file that is not there"},
		{loop, "NAME: too many levels of symbolic links"},
	} {
		_, err := New(Config{HostKeyPath: tc.path, Exec: testExec})
		hk, ok := errors.AsType[*HostKeyError](err)
		if !ok {
			t.Errorf("%q: error %v (%T), want a *HostKeyError", tc.path, err, err)
			continue
		}
		if got := hk.Describe("NAME"); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.path, got, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("a key was made where the link points")
	}
}
