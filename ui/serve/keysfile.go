package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

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
	if owner, ok := fileOwner(info); ok && owner != self && owner != 0 {
		return &AuthorizedKeysModeError{Path: path, Folder: folder, Owner: owner, Self: self}
	}
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		owner, _ := fileOwner(info)
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
