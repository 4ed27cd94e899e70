package archive

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestSidecarTouchedNotRead is a regression test: a meta.json whose time
// changed and whose bytes did not (touched, copied with its folder,
// checked out again) marked every article beside it changed, and the
// refresh read and grouped them all again: at the root of a flat archive,
// the whole archive, 2 s at 1,100 articles where a refresh took 14 ms.
// Its bytes tell, as an article's do; a meta.json whose bytes changed
// still has the articles beside it read again.
func TestSidecarTouchedNotRead(t *testing.T) {
	dir := writeArchive(t)
	const sidecar = `{"zoo.txt": {"outlet": "Zoo Gazette"}}`
	writeFile(t, dir, "meta.json", sidecar)
	open(t, dir, Options{}).Close()

	// reads opens dir and returns the most files a refresh read.
	reads := func() (int, *Archive) {
		t.Helper()
		most := 0
		a := open(t, dir, Options{Progress: func(p Progress) {
			if p.Phase == "reading" {
				most = max(most, p.Total)
			}
		}})
		return most, a
	}
	outletOf := func(a *Archive, name string) string {
		for e := range a.All() {
			if filepath.Base(e.Path) == name {
				return e.Outlet
			}
		}
		return ""
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "meta.json"), later, later); err != nil {
		t.Fatal(err)
	}
	n, a := reads()
	if n > 1 {
		t.Errorf("a refresh after meta.json was touched read %d files, want meta.json alone", n)
	}
	if got := outletOf(a, "zoo.txt"); got != "Zoo Gazette" {
		t.Errorf("zoo.txt's outlet is %q, want meta.json's, \"Zoo Gazette\"", got)
	}
	a.Close()
	if n, a = reads(); n != 0 {
		t.Errorf("the refresh after read %d files, want none", n)
	}
	a.Close()

	writeFile(t, dir, "meta.json", `{"zoo.txt": {"outlet": "Zoo Courier"}}`)
	later = later.Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "meta.json"), later, later); err != nil {
		t.Fatal(err)
	}
	n, a = reads()
	if n < 2 {
		t.Errorf("a refresh after meta.json changed read %d files, want the articles beside it too", n)
	}
	if got := outletOf(a, "zoo.txt"); got != "Zoo Courier" {
		t.Errorf("zoo.txt's outlet is %q after meta.json changed, want \"Zoo Courier\"", got)
	}
}
