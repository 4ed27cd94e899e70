package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys is the authorized keys file as the server last read it.
// It is read again, as sshd reads authorized_keys at each authentication,
// when a client offers a key after the file changed (its size, time of
// change, mode or the file itself), so that a key added or removed while
// the server runs is taken or refused without a restart. Its modes, and
// its folder's, are checked at every offer (see checkKeysFileModes). While
// the file is bad (gone, unreadable, open to others, a key with an option
// the server cannot hold it to, no key at all) no key gets in, and that is
// logged once, with why; the keys come back once the file is good again.
type authorizedKeys struct {
	path string
	log  *slog.Logger

	mu      sync.Mutex
	keys    map[string]bool // nil while the file is bad: no key gets in
	read    fs.FileInfo     // the file as it was when last read; nil to read it again
	racy    bool            // read too soon after it changed to trust its stamp
	problem string          // why the file is bad, as logged; "" while it is good
}

// newAuthorizedKeys reads the file at path, or says why it cannot serve.
func newAuthorizedKeys(path string, log *slog.Logger) (*authorizedKeys, error) {
	info, err := checkedKeysFile(path)
	if err != nil {
		return nil, err
	}
	keys, err := loadAuthorizedKeys(path)
	if err != nil {
		return nil, err
	}
	return &authorizedKeys{path: path, log: log, keys: keys, read: info,
		racy: time.Since(info.ModTime()) < racyWindow}, nil
}

// count is the number of keys that get in now.
func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

// allows reports whether key is in the file, reading it again first if it
// changed since it was last read.
func (a *authorizedKeys) allows(key gossh.PublicKey) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	info, err := checkedKeysFile(a.path)
	if err != nil {
		a.fail(err)
		a.read = nil // whatever makes it good again, it is read anew
		return false
	}
	if a.read == nil || a.racy || changed(a.read, info) {
		a.read = info
		// A file written again within the tick of its time of change
		// (a few milliseconds on some file systems), to the same size,
		// would look unchanged: one changed this recently is read
		// again at the next offer, as git treats a "racily clean"
		// file.
		a.racy = time.Since(info.ModTime()) < racyWindow
		keys, err := loadAuthorizedKeys(a.path)
		if err != nil {
			a.fail(err)
			return false
		}
		if a.problem != "" || !maps.Equal(keys, a.keys) {
			a.log.Info("authorized keys reloaded", "path", logField(a.path), "keys", len(keys))
		}
		a.keys, a.problem = keys, ""
	}
	return a.keys[string(key.Marshal())]
}

// racyWindow is how long after its time of change a file is read again at
// every offer (see authorizedKeys.allows).
const racyWindow = 2 * time.Second

// fail drops every key for err, logging why once for each new reason.
func (a *authorizedKeys) fail(err error) {
	a.keys = nil
	why := keysProblem(err)
	if why == a.problem {
		return
	}
	a.problem = why
	a.log.Warn("authorized keys refused: no key gets in until the file is fixed",
		"path", logField(a.path), "reason", why)
}

// changed reports whether the file as now differs from the file as it was
// read: another file in its place, or the same one written or its mode
// changed.
func changed(was, now fs.FileInfo) bool {
	return !os.SameFile(was, now) || was.Size() != now.Size() ||
		!was.ModTime().Equal(now.ModTime()) || was.Mode() != now.Mode()
}

// keysProblem words why the authorized keys file cannot serve for the log,
// every name in it escaped.
func keysProblem(err error) string {
	if me, ok := errors.AsType[*AuthorizedKeysModeError](err); ok {
		return me.Describe(logField(me.Path))
	}
	if oe, ok := errors.AsType[*AuthorizedKeyOptionError](err); ok {
		return oe.Describe(logField(oe.Path))
	}
	if nk, ok := errors.AsType[*NoAuthorizedKeysError](err); ok {
		return "no public key in " + logField(nk.Path)
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return logField(pe.Err.Error()) // the path is logged on its own
	}
	return logField(err.Error())
}

// checkedKeysFile returns the authorized keys file's information once its
// modes are checked (see checkKeysFileModes). A name that is not there or
// cannot be looked at is the *fs.PathError of os.Stat, and a directory
// the one reading it gives ("is a directory"), as before the check.
func checkedKeysFile(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("serve: authorized keys: %w", err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("serve: authorized keys: %w", &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR})
	}
	if !info.Mode().IsRegular() {
		// A pipe would hold every authentication until something
		// wrote to it.
		return nil, fmt.Errorf("serve: authorized keys: %w", &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")})
	}
	if err := checkKeysFileModes(path, info); err != nil {
		return nil, err
	}
	return info, nil
}

// checkKeysFileModes refuses an authorized keys file that a user other
// than the one running the server could change, as sshd's StrictModes
// does: one writable by group or others, or owned by another user than
// the server's or root, and the same of the folder it is in (where
// another user could put a file of theirs in its place), and of the
// folder its symbolic link points into. Whoever could write it could let
// themselves in. Windows has no such modes, and is not checked.
func checkKeysFileModes(path string, info fs.FileInfo) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	if err := checkOwnMode(path, info, false); err != nil {
		return err
	}
	dirs := []string{filepath.Dir(path)}
	if real, err := filepath.EvalSymlinks(path); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = append(dirs, filepath.Dir(real))
	}
	for _, dir := range dirs {
		di, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("serve: authorized keys: %w", err)
		}
		if err := checkOwnMode(dir, di, true); err != nil {
			return err
		}
	}
	return nil
}

// checkOwnMode is checkKeysFileModes for one file or folder.
func checkOwnMode(path string, info fs.FileInfo, folder bool) error {
	self := os.Geteuid()
	owner, known := fileOwner(info) // 0 where files have no owner
	if known && owner != self && owner != 0 {
		return &AuthorizedKeysModeError{Path: path, Folder: folder, Owner: owner, Self: self}
	}
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		return &AuthorizedKeysModeError{Path: path, Folder: folder, Mode: perm, Owner: -1,
			Self: self, others: owner != self && self != 0}
	}
	return nil
}

// AuthorizedKeysModeError is an authorized keys file, or the folder it is
// in, that a user other than the one running the server could change:
// writable by group or others, or owned by another user than the server's
// or root. Path is the file or folder at fault, as the server named it,
// for a caller that names files its own way.
type AuthorizedKeysModeError struct {
	Path   string
	Folder bool        // Path is the folder the file is in
	Mode   fs.FileMode // its permissions, when group or others may write it; 0 otherwise
	Owner  int         // its owner's user ID when that is another user; -1 otherwise
	Self   int         // the user ID the server runs as
	others bool        // Mode's, and Path is not the server's to change
}

func (e *AuthorizedKeysModeError) Error() string {
	return "serve: authorized keys " + e.Describe(e.Path)
}

// Describe says what is wrong and how to fix it, naming the file or
// folder name: "NAME is writable by group or others (mode 0620); fix it
// with: chmod go-w NAME".
func (e *AuthorizedKeysModeError) Describe(name string) string {
	what := name
	if e.Folder {
		what = "folder " + name
	}
	if e.Mode != 0 {
		switch {
		case e.others && e.Folder:
			// A folder such as /tmp is root's to change.
			return fmt.Sprintf("%s is writable by group or others (mode %04o); fix it by moving the file into a folder only you can write", what, e.Mode)
		case e.others:
			return fmt.Sprintf("%s is writable by group or others (mode %04o); fix it with: chmod go-w %s (as root)", what, e.Mode, name)
		}
		return fmt.Sprintf("%s is writable by group or others (mode %04o); fix it with: chmod go-w %s", what, e.Mode, name)
	}
	return fmt.Sprintf("%s is owned by another user (uid %d), not by the one running the server (uid %d) or root; fix it with: chown %d %s",
		what, e.Owner, e.Self, e.Self, name)
}
