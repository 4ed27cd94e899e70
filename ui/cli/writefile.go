package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// writeHidden writes data to a new hidden file in dir, named after name,
// and returns its path; on failure it removes the file. It does not use
// os.CreateTemp, whose files are private (0600): the article must have the
// mode any file the user makes there has.
func writeHidden(dir, name string, data []byte) (string, error) {
	for range 100 {
		path := filepath.Join(dir, fmt.Sprintf(".%s.%d.part", name, rand.Uint32()))
		err := writeExclusive(path, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("no free name for a file beside %s", name)
}

// writeExclusive creates path, which must not exist, and writes data into
// it; on failure it removes the file.
func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
