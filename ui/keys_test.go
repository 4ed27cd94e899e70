package ui

import (
	"os"
	"strings"
	"testing"
)

// readmeKeysStart and readmeKeysEnd bound the README's key table.
const (
	readmeKeysStart = "<!-- keys: generated from ui.KeyMap; go test ./ui -run TestREADMEKeyTable -update rewrites it -->\n"
	readmeKeysEnd   = "<!-- end keys -->"
)

// TestREADMEKeyTable checks that the README's key table is the one the
// KeyMap gives, the same sections the full help shows, so the README and
// the reader cannot drift apart. Run with -update to rewrite it.
func TestREADMEKeyTable(t *testing.T) {
	const path = "../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i, j := strings.Index(readme, readmeKeysStart), strings.Index(readme, readmeKeysEnd)
	if i < 0 || j < i {
		t.Fatalf("README lacks the markers %q and %q around the key table", readmeKeysStart, readmeKeysEnd)
	}
	i += len(readmeKeysStart)
	want := markdownKeyTable(helpSections(describedKeyMap(DefaultKeyMap())))
	if got := readme[i:j]; got != want {
		if *update {
			if err := os.WriteFile(path, []byte(readme[:i]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README key table differs from the KeyMap's (run go test ./ui -run TestREADMEKeyTable -update):\n%s", lineDiff(got, want))
	}
}

// TestHelpSectionsComplete checks that the full help lists every binding
// of the KeyMap, each with all its keys, and the legend of the gutter
// marks and the mouse.
func TestHelpSectionsComplete(t *testing.T) {
	k := describedKeyMap(DefaultKeyMap())
	secs := helpSections(k)
	listed := map[string]bool{}
	for _, sec := range secs {
		for _, e := range sec.entries {
			listed[strings.Join(e.keys, "/")+" "+e.desc] = true
		}
	}
	for _, b := range k.all() {
		if entry := strings.Join(keyNames(b.Keys()), "/") + " " + b.Help().Desc; !listed[entry] {
			t.Errorf("the full help lacks %q", entry)
		}
	}
	for _, want := range []string{"~", "+", "-", "↕", "≡", "≠", "▸", "wheel", "x", "ctrl+d/d", "ctrl+u/u", "pgdn/space/f"} {
		found := false
		for e := range listed {
			if strings.HasPrefix(e, want+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("the full help has no entry for %q", want)
		}
	}
}
