package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	gossh "golang.org/x/crypto/ssh"
)

// loadOrCreateHostKey returns the host key at path, creating an ed25519 key
// there on first start. created reports whether it did.
func loadOrCreateHostKey(path string) (signer gossh.Signer, created bool, err error) {
	signer, err = loadHostKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return signer, false, err
	}
	signer, err = createHostKey(path)
	if errors.Is(err, fs.ErrExist) {
		// Another server created it between our two looks; use theirs so
		// that both present the same key.
		signer, err = loadHostKey(path)
		return signer, false, err
	}
	return signer, err == nil, err
}

// loadHostKey reads a private key and refuses it if the file is open to group
// or others, as OpenSSH does: a host key anyone on the machine can read lets
// them impersonate the server.
func loadHostKey(path string) (gossh.Signer, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("serve: host key %s is not a regular file", path)
	}
	// Windows reports every file as 0666, so the check would refuse them all.
	if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm&0o077 != 0 {
		return nil, fmt.Errorf("serve: host key %s is accessible by group or others (mode %04o); fix it with: chmod 600 %s",
			path, perm, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("serve: read host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("serve: host key %s: %w", path, err)
	}
	return signer, nil
}

// createHostKey writes a new ed25519 key to path. The key is written to a
// temporary file first and hard-linked into place, so a crash never leaves a
// half-written key and a concurrent creator is never overwritten (the link
// fails with fs.ErrExist instead).
func createHostKey(path string) (gossh.Signer, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("serve: create host key directory: %w", err)
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("serve: generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(key, "newsdiff host key")
	if err != nil {
		return nil, fmt.Errorf("serve: encode host key: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".host-key-*") // CreateTemp uses mode 0600
	if err != nil {
		return nil, fmt.Errorf("serve: write host key: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(pem.EncodeToMemory(block))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("serve: write host key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		// Some file systems have no hard links; a rename is still atomic.
		if err := os.Rename(tmp.Name(), path); err != nil {
			return nil, fmt.Errorf("serve: write host key: %w", err)
		}
	}
	return gossh.NewSignerFromKey(key)
}
