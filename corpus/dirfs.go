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

// named gives an error from the os package the name in dir that was asked
// for, as os.DirFS does, rather than the joined path.
func named(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		pe.Path = name
	}
	return err
}

func (dir dirFS) Open(name string) (fs.File, error) {
	full, err := dir.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, named(err, name)
	}
	return f, nil
}

func (dir dirFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	return info, named(err, name)
}

func (dir dirFS) Lstat(name string) (fs.FileInfo, error) {
	full, err := dir.join("lstat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Lstat(full)
	return info, named(err, name)
}

func (dir dirFS) ReadLink(name string) (string, error) {
	full, err := dir.join("readlink", name)
	if err != nil {
		return "", err
	}
	target, err := os.Readlink(full)
	return target, named(err, name)
}

func (dir dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := dir.join("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(full)
	return entries, named(err, name)
}
