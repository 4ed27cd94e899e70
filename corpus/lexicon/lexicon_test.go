package lexicon

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLemma(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"hack", "hack"},
		{"hacked", "hack"},
		{"hacking", "hack"},
		{"hacks", "hack"},
		{"emails", "email"},
		{"russians", "russian"},
		{"went", "go"},
		{"children", "child"},
		{"was", "be"},
		{"denied", "deny"},
		{"denies", "deny"},
		{"accused", "accuse"},
		{"stopped", "stop"},
		{"planning", "plan"},
		{"building", "build"},
		{"gas", "gas"},   // a noun lemma: not "ga"
		{"news", "news"}, // not "new"
		{"trump's", "trump"},
		{"officials'", "official"},
		{"xyzzyqs", "xyzzyqs"}, // unknown words stay as they are
		// Initialisms written with dots are the ones written without.
		{"f.b.i", "fbi"},
		{"n.a.a.c.p", "naacp"},
		{"d.n.c's", "dnc"},
		{"u.k", "uk"},
		{"a.m", "a.m"}, // a clock's, not a form of "be"
		{"p.m", "p.m"},
		{"u.s.-led", "u.s.-led"}, // not an initialism alone
		{"e.g.", "e.g."},         // a dot after the last letter is not the form's
		{"ab.c", "ab.c"},
		{"x.", "x."},
	} {
		if got := Lemma(tc.word); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func related(a, b string) bool {
	ga, gb := Groups(a), Groups(b)
	for _, g := range ga {
		if _, ok := slices.BinarySearch(gb, g); ok {
			return true
		}
	}
	return false
}

func TestGroups(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"hack", "hacker", true},
		{"deny", "denial", true},
		{"russia", "russian", true},
		{"accuse", "accusation", true},
		{"kill", "killing", true},
		{"hack", "russia", false},
		{"deny", "russian", false},
		{"bullet", "email", false},
	} {
		if got := related(tc.a, tc.b); got != tc.want {
			t.Errorf("related(%q, %q) = %v, want %v (groups %v, %v)", tc.a, tc.b, got, tc.want, Groups(tc.a), Groups(tc.b))
		}
	}
	if !slices.IsSorted(Groups("hack")) {
		t.Errorf("Groups(hack) = %v, want increasing", Groups("hack"))
	}
}

func TestNormalise(t *testing.T) {
	for _, tc := range []struct {
		word, want string
		class      Class
	}{
		{"30,000", "30000", Number},
		{"thirty", "30", Number},
		{"4th", "4", Number},
		{"2.5", "2.5", Number},
		{"wed", "wednesday", Weekday},
		{"friday", "friday", Weekday},
		{"sept", "september", Month},
		{"may", "may", Plain}, // a modal verb far more often than a month
		{"4:20", "4:20", Plain},
		{"1,2,3a", "1,2,3a", Plain},
		{"email", "email", Plain},
		{"", "", Plain},
	} {
		got, class := Normalise(tc.word)
		if got != tc.want || class != tc.class {
			t.Errorf("Normalise(%q) = %q, %v; want %q, %v", tc.word, got, class, tc.want, tc.class)
		}
	}
}

// TestTableWellFormed checks what lookup relies on: one line per word,
// four tab-separated fields, sorted bytewise without duplicates, groups
// that parse and increase.
func TestTableWellFormed(t *testing.T) {
	if !strings.HasSuffix(table, "\n") {
		t.Fatal("the table does not end in a newline")
	}
	prev := ""
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %d %q: %d fields, want 4", i+1, line, len(f))
		}
		if f[0] <= prev {
			t.Fatalf("line %d: %q after %q: not sorted", i+1, f[0], prev)
		}
		prev = f[0]
		last := int64(-1)
		for g := range strings.SplitSeq(f[2], ",") {
			if g == "" {
				continue
			}
			n, err := strconv.ParseInt(g, 10, 32)
			if err != nil || n <= last {
				t.Fatalf("line %d %q: group %q bad or out of order", i+1, line, g)
			}
			last = n
		}
		if _, ok := lookup(f[0]); !ok {
			t.Fatalf("lookup(%q) found nothing", f[0])
		}
	}
	if _, ok := lookup("zzzzzzzzz"); ok {
		t.Error("lookup found a word the table lacks")
	}
	if _, ok := lookup("!"); ok {
		t.Error("lookup found a word the table lacks")
	}
}

func BenchmarkLemma(b *testing.B) {
	words := strings.Fields("russia stands accused of hacking emails from the democratic national committee claimed that russians hacked computers belonging to their party")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Lemma(w)
		}
	}
}
