package archive

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSidecarProblemSaidOnce is a regression test: a meta.json that is
// not JSON was reported as a problem of every article beside it, with its
// own byte offset ("01.txt: byte 45: metadata ignored: …"), and not of
// itself. It is now said once, of meta.json.
func TestSidecarProblemSaidOnce(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, "meta.json", `{"000_bcfc8e1eaa4c1094.txt": {"outlet": "X",}`)
	a := open(t, dir, Options{})
	var got []string
	for _, p := range a.Problems() {
		got = append(got, filepath.Base(p.Path)+": "+p.Msg)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "meta.json: byte 45: metadata ignored: ") {
		t.Errorf("problems %q, want one, of meta.json", got)
	}
}
