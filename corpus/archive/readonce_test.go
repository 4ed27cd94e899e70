//go:build linux

package archive

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/newsdiff/newsdiff/corpus"
)

// opens watches dir with inotify and returns a function that says how
// many times each file in it was opened since the last call: what the
// kernel saw, so the archive's reading is counted without a hook in it.
func opens(t *testing.T, dir string) func() map[string]int {
	t.Helper()
	fd, err := syscall.InotifyInit1(syscall.IN_NONBLOCK | syscall.IN_CLOEXEC)
	if err != nil {
		t.Skipf("no inotify here: %v", err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if _, err := syscall.InotifyAddWatch(fd, dir, syscall.IN_OPEN); err != nil {
		t.Skipf("no inotify watch here: %v", err)
	}
	return func() map[string]int {
		counts := map[string]int{}
		buf := make([]byte, 64<<10)
		for {
			n, err := syscall.Read(fd, buf)
			if errors.Is(err, syscall.EAGAIN) {
				return counts
			}
			if err != nil {
				t.Fatalf("reading inotify events: %v", err)
			}
			for off := 0; off+syscall.SizeofInotifyEvent <= n; {
				ev := (*syscall.InotifyEvent)(unsafe.Pointer(&buf[off]))
				name := buf[off+syscall.SizeofInotifyEvent : off+syscall.SizeofInotifyEvent+int(ev.Len)]
				if ev.Mask&syscall.IN_Q_OVERFLOW != 0 {
					t.Fatal("inotify queue overflowed")
				}
				if ev.Mask&syscall.IN_ISDIR == 0 && len(name) > 0 {
					counts[string(bytes.TrimRight(name, "\x00"))]++
				}
				off += syscall.SizeofInotifyEvent + int(ev.Len)
			}
		}
	}
}

// TestIndexReadsEachFileOnce is a regression test: indexing read every
// article file twice, once to hash it and once to load it. A first index,
// a refresh of files whose time changed but not their bytes, and one of
// files whose bytes changed each open every article file once.
func TestIndexReadsEachFileOnce(t *testing.T) {
	dir := writeArchive(t)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range ents {
		if corpus.IsArticleName(e.Name()) {
			files = append(files, e.Name())
		}
	}
	if len(files) < 5 {
		t.Fatalf("only %d article files to index", len(files))
	}
	seen := opens(t, dir)
	check := func(when string) {
		t.Helper()
		counts := seen()
		for _, name := range files {
			if counts[name] != 1 {
				t.Errorf("%s: %s opened %d times, want once", when, name, counts[name])
			}
		}
	}

	open(t, dir, Options{}).Close()
	check("first index")

	later := time.Now().Add(time.Hour)
	for _, name := range files {
		if err := os.Chtimes(filepath.Join(dir, name), later, later); err != nil {
			t.Fatal(err)
		}
	}
	open(t, dir, Options{}).Close()
	check("refresh, times changed")

	for _, name := range files {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.TrimRight(string(b), "\n")+"\n\nOne more line for the refresh.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seen() // the test's own reads and writes
	open(t, dir, Options{}).Close()
	check("refresh, bytes changed")
}
