package corpus

import "testing"

// TestIsTitleRanks is a regression test: the ranks of police and armed
// forces, and their abbreviations ("Supt", "Det", "Cpl"), were no titles,
// so a speaker's name kept them ("Supt jim pearce", "Det"). Words that
// are no title stay so.
func TestIsTitleRanks(t *testing.T) {
	for _, w := range []string{
		"supt", "superintendent", "insp", "inspector", "det", "detective", "sgt", "sergeant",
		"cpl", "corporal", "lt", "col", "gen", "capt", "cmdr", "commander", "adm", "gov", "sen",
		"rep", "atty", "attorney", "constable", "sheriff",
	} {
		if !IsTitle(w) {
			t.Errorf("IsTitle(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"police", "said", "station", "department"} {
		if IsTitle(w) {
			t.Errorf("IsTitle(%q) = true, want false", w)
		}
	}
}
