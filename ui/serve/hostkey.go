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
	"strings"
	"syscall"

	gossh "golang.org/x/crypto/ssh"
)

// loadOrCreateHostKey returns the host key at path, creating an ed25519 key
// there on first start. created reports whether it did.
func loadOrCreateHostKey(path string) (signer gossh.Signer, created bool, err error) {
	signer, err = loadHostKey(path)
	// A path under a file (HOME/.config a file) holds no key either; the
	// attempt to create one then says why it cannot be there.
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return signer, false, err
	}
	signer, err = createHostKey(path)
	if errors.Is(err, fs.ErrExist) {
		// Another server created it between our two looks; use theirs so
		// that both present the same key. Or the name is a symbolic link
		// to nothing, which holds no key and where none can be made.
		signer, err = loadHostKey(path)
		if pe, ok := errors.AsType[*fs.PathError](err); ok && errors.Is(err, fs.ErrNotExist) {
			err = &HostKeyError{Path: path, Err: pe.Err}
			if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
				err = &HostKeyError{Path: path, Err: errDanglingLink}
			}
		}
		return signer, false, err
	}
	return signer, err == nil, err
}

// loadHostKey reads a private key and refuses it if the file is open to group
// or others, as OpenSSH does: a host key anyone on the machine can read lets
// them impersonate the server. A key that is there and cannot serve is a
// *HostKeyError; one that is not there is fs.ErrNotExist (or ENOTDIR),
// for the caller to create.
func loadHostKey(path string) (gossh.Signer, error) {
	info, err := os.Stat(path)
	if pe, ok := errors.AsType[*fs.PathError](err); ok && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		// There and unusable (a loop of links, a directory it may not
		// look in): said as the other reasons are, the path the
		// error's own, so that a caller names the file its own way.
		return nil, &HostKeyError{Path: path, Err: pe.Err}
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &HostKeyError{Path: path, Err: errors.New("not a regular file")}
	}
	// Windows reports every file as 0666, so the check would refuse them all.
	if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm&0o077 != 0 {
		return nil, &HostKeyError{Path: path, Mode: perm}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err // the path is the error's own
		}
		return nil, &HostKeyError{Path: path, Err: err}
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, &HostKeyError{Path: path, Err: notAPrivateKey(data, err)}
	}
	return signer, nil
}

// Why a host key file holds no key the server can use, in words: x/crypto
// said "ssh: no key found" of a public key given for the private one, and
// of any other file.
var (
	errPublicKey  = errors.New("is not a private key (a public key?)")
	errNotPrivate = errors.New("is not a private key")
	errPassphrase = errors.New("is protected by a passphrase: the server needs a key without one")
	// A symbolic link to a file that is not there: the key is not made
	// where it points, a place the user did not name.
	errDanglingLink = errors.New("is a symbolic link to a file that is not there")
)

// notAPrivateKey words the error of parsing data as a private key: one
// of the errors above, or err itself for a private key x/crypto cannot
// use (an unsupported type, a malformed key).
func notAPrivateKey(data []byte, err error) error {
	if _, ok := errors.AsType[*gossh.PassphraseMissingError](err); ok {
		return errPassphrase
	}
	block, _ := pem.Decode(data)
	if block != nil && strings.HasSuffix(block.Type, "PRIVATE KEY") {
		return err
	}
	if block != nil && strings.HasSuffix(block.Type, "PUBLIC KEY") {
		return errPublicKey
	}
	if _, _, _, _, perr := gossh.ParseAuthorizedKey(data); perr == nil {
		return errPublicKey
	}
	if _, perr := gossh.ParsePublicKey(data); perr == nil {
		return errPublicKey
	}
	return errNotPrivate
}

// HostKeyError is a host key file that is there and cannot serve: not a
// regular file, open to group or others, unreadable, not a private key, or
// a symbolic link to nothing.
// Path is the file as it was configured: a caller that names files its
// own way (a name holding an escape sequence quoted, say, where a
// terminal would have dropped it and read another file's) words the error
// with Describe.
type HostKeyError struct {
	Path string
	Mode fs.FileMode // the permissions of a key open to group or others; 0 otherwise
	Err  error       // what is wrong with the file, without its name; nil with Mode
}

func (e *HostKeyError) Error() string { return "serve: host key " + e.Describe(e.Path) }

func (e *HostKeyError) Unwrap() error { return e.Err }

// Describe says what is wrong with the key, naming its file name: "NAME
// is accessible by group or others (mode 0644); fix it with: chmod 600
// NAME", "NAME is not a private key (a public key?)", or "NAME: REASON".
func (e *HostKeyError) Describe(name string) string {
	switch {
	case e.Mode != 0:
		return fmt.Sprintf("%s is accessible by group or others (mode %04o); fix it with: chmod 600 %s", name, e.Mode, name)
	case e.Err == errPublicKey, e.Err == errNotPrivate, e.Err == errPassphrase, e.Err == errDanglingLink:
		return name + " " + e.Err.Error()
	}
	return name + ": " + e.Err.Error()
}

// HostKeyCreateError is a host key that could not be made where it was to
// be: its directory could not be created or written (a read-only HOME). It
// is a type of its own so that a command which chose the place itself can
// say how to name another.
type HostKeyCreateError struct {
	Dir string // the directory the key was to be made in
	Op  string // what failed: "create host key directory", "write host key"
	Err error  // why, as the file system said
}

func (e *HostKeyCreateError) Error() string { return "serve: " + e.Op + ": " + e.Err.Error() }

func (e *HostKeyCreateError) Unwrap() error { return e.Err }

// createHostKey writes a new ed25519 key to path. The key is written to a
// temporary file first and hard-linked into place, so a crash never leaves a
// half-written key and a concurrent creator is never overwritten (the link
// fails with fs.ErrExist instead).
func createHostKey(path string) (gossh.Signer, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &HostKeyCreateError{Dir: dir, Op: "create host key directory", Err: err}
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
		return nil, &HostKeyCreateError{Dir: dir, Op: "write host key", Err: err}
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
		return nil, &HostKeyCreateError{Dir: dir, Op: "write host key", Err: err}
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		// Some file systems have no hard links; a rename is still atomic.
		if err := os.Rename(tmp.Name(), path); err != nil {
			return nil, &HostKeyCreateError{Dir: dir, Op: "write host key", Err: err}
		}
	}
	return gossh.NewSignerFromKey(key)
}
