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

// TestSidecarValueProblemNotSkipped checks that a meta.json with one value
// that is not text, which is read but for that value, is not said to be
// skipped, and that the rest of it names the outlets.
func TestSidecarValueProblemNotSkipped(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, "meta.json", `{"000_bcfc8e1eaa4c1094.txt": {"outlet": "Sidecar Outlet", "date": 2016, "url": {"href": "x"}}}`)
	a := open(t, dir, Options{})
	var got []string
	for _, p := range a.Problems() {
		got = append(got, filepath.Base(p.Path)+": "+p.Error()[len(p.Path)+2:])
	}
	want := `meta.json: values that are not text ignored: "url" of "000_bcfc8e1eaa4c1094.txt"`
	if len(got) != 1 || got[0] != want {
		t.Errorf("problems %q, want [%q]", got, want)
	}
	var outlet, date string
	for _, e := range a.Entries() {
		if e.Article == "000_bcfc8e1eaa4c1094" {
			outlet, date = e.Outlet, e.Date
		}
	}
	if outlet != "Sidecar Outlet" || date != "2016" {
		t.Errorf("outlet %q, date %q; want the sidecar's, \"Sidecar Outlet\" and \"2016\"", outlet, date)
	}
}
