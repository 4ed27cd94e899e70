package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLineTwinsByMatchingForm is a regression test: a line that is not
// prose (a heading, a caption, page furniture) paired with its twin on the
// other side only when the two were the same bytes, so that a heading
// that changed no more than a curly apostrophe for a straight one, or the
// case of its words ("Read more", "READ MORE"), was shown removed and
// added, and newsdiff diff --ignore-punctuation (or -i) --exit-code said
// the texts differ, where the same change in prose is no change. Such
// lines are twins as their words are equal: by their matching forms.
func TestLineTwinsByMatchingForm(t *testing.T) {
	const (
		title = "Bridge vote"
		body  = "The council voted to close the bridge on Monday after a long debate."
	)
	for _, tt := range []struct {
		name, left, right string
		role              corpus.Role
	}{
		{"apostrophe", "Mayor Smith’s Plan", "Mayor Smith's Plan", corpus.RoleHeading},
		{"quotes", "Share “Story”", `Share "Story"`, corpus.RoleHeading},
		{"capitals", "Mayor Smith", "MAYOR SMITH", corpus.RoleHeading},
		{"furniture in capitals", "Read more", "READ MORE", corpus.RoleBoilerplate},
		{"spacing", "Photo:  AFP", "Photo: AFP", corpus.RoleBoilerplate},
	} {
		text := func(line string) string { return title + "\n\n" + line + "\n\n" + body + "\n" }
		a, b, c := compareTexts(t, text(tt.left), text(tt.right))
		if a.Paragraphs[1].Role != tt.role || b.Paragraphs[1].Role != tt.role {
			t.Fatalf("%s: roles %v and %v, want %v", tt.name, a.Paragraphs[1].Role, b.Paragraphs[1].Role, tt.role)
		}
		paired := false
		for _, blk := range c.Blocks {
			switch blk.Kind {
			case LeftOnly, RightOnly:
				t.Errorf("%s: %v block %q", tt.name, blk.Kind, textOf(a, b, blk))
			case Aligned:
				if a.Text(blk.Left) == tt.left {
					paired = b.Text(blk.Right) == tt.right && blk.Role == tt.role && blk.Similarity == 1
					for _, op := range blk.Ops {
						if op.Kind != OpEqual {
							t.Errorf("%s: %v op in the pair of twins", tt.name, op.Kind)
						}
					}
				}
			}
		}
		if !paired {
			t.Errorf("%s: %q and %q not paired as twins", tt.name, tt.left, tt.right)
		}
	}
	// Lines whose words differ are still no twins of each other.
	a, b, c := compareTexts(t, title+"\n\nRead more\n\n"+body+"\n", title+"\n\nRead less\n\n"+body+"\n")
	for _, blk := range c.Blocks {
		if blk.Kind == Aligned && a.Text(blk.Left) == "Read more" {
			t.Errorf("paired %q with %q", a.Text(blk.Left), b.Text(blk.Right))
		}
	}
}

// textOf is the text of a block's one side.
func textOf(a, b *corpus.Article, blk Block) string {
	if blk.Kind == RightOnly {
		return b.Text(blk.Right)
	}
	return a.Text(blk.Left)
}
