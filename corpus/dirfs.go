package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// dirFS is os.DirFS for the files of a folder, but it also opens a file
// whose name is not UTF-8 (café.txt saved as ISO-8859-1 by an older
// system): fs.ValidPath, which os.DirFS checks, refuses such a name, so
// a file that a folder listing found could not then be read ("invalid
// argument"). A name is still refused when it climbs out of the folder or
// is not in fs's slash-separated form.
type dirFS string

var (
	_ fs.StatFS     = dirFS("")
	_ fs.ReadDirFS  = dirFS("")
	_ fs.ReadLinkFS = dirFS("")
)

// join returns the path of name in dir, or fs.ErrInvalid when name is not
// a path in fs's form: any byte is allowed in a name, but not "..", ".",
// an empty element or a leading or trailing slash.
func (dir dirFS) join(op, name string) (string, error) {
	if !fs.ValidPath(strings.ToValidUTF8(name, "_")) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(dir), filepath.FromSlash(name)), nil
}

// call calls f, an os function, with the path of name in dir, and gives
// an error it returns the name that was asked for, as os.DirFS does,
// rather than the joined path.
func call[T any](dir dirFS, op, name string, f func(string) (T, error)) (T, error) {
	full, err := dir.join(op, name)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(full)
	if pe, ok := err.(*fs.PathError); ok {
		pe.Path = name
	}
	return v, err
}

func (dir dirFS) Open(name string) (fs.File, error) {
	f, err := call(dir, "open", name, os.Open)
	if err != nil {
		return nil, err // not a nil *os.File in a non-nil fs.File
	}
	return f, nil
}

func (dir dirFS) Stat(name string) (fs.FileInfo, error) { return call(dir, "stat", name, os.Stat) }

func (dir dirFS) Lstat(name string) (fs.FileInfo, error) { return call(dir, "lstat", name, os.Lstat) }

func (dir dirFS) ReadLink(name string) (string, error) {
	return call(dir, "readlink", name, os.Readlink)
}

func (dir dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return call(dir, "readdir", name, os.ReadDir)
}
