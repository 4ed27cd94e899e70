package cli

import (
	"strings"
	"testing"
)

// TestDiffHelpNamesEveryMark is a regression test: diff --help (and so
// its manual page) named [-…-] and {+…+} alone, where plain output also
// writes [~…~] and {~…~} for a moved fragment, [-¶-] for a paragraph
// break, and a paraphrase as "< " and "> " lines with {=…=} and {!…!}:
// a reader of the help, or a script written from it, met marks it did
// not explain. Every mark plainMarks writes is in the help.
func TestDiffHelpNamesEveryMark(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--help"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	help := strings.Join(strings.Fields(le.out.String()), " ")
	m := plainMarks()
	for name, f := range map[string]func(string) string{
		"del": m.del, "ins": m.ins, "minorDel": m.minorDel, "minorIns": m.minorIns,
		"shared": m.shared, "differ": m.differ, "movedDel": m.movedDel, "movedIns": m.movedIns,
	} {
		if mark := f("…"); !strings.Contains(help, mark) {
			t.Errorf("diff --help does not name %s's mark %s", name, mark)
		}
	}
	for _, mark := range []string{m.minorDel("¶"), m.minorIns("¶"), `"< "`, `"> "`} {
		if !strings.Contains(help, mark) {
			t.Errorf("diff --help does not name %s", mark)
		}
	}
}
