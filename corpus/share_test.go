package corpus

import "testing"

func TestShareText(t *testing.T) {
	text := []byte("A title\n\nThe council met. It voted.\n")
	tests := []struct {
		name   string
		a, b   *Article
		shared bool
	}{
		{"same bytes", Parse("a", text), Parse("b", append([]byte(nil), text...)), true},
		{"other bytes", Parse("a", text), Parse("b", []byte("A title\n\nThe council met. It did not vote.\n")), false},
		{"same bytes, other body", Parse("a", text), func() *Article { b := Parse("b", text); b.Body.Start = 2; return b }(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(tt.b.Sentences)
			if got := ShareText(tt.a, tt.b); got != tt.shared {
				t.Fatalf("ShareText = %v, want %v", got, tt.shared)
			}
			sameModel := len(tt.a.Sentences) > 0 && len(tt.b.Sentences) > 0 && &tt.a.Sentences[0] == &tt.b.Sentences[0]
			if sameModel != tt.shared {
				t.Errorf("the sentences are shared: %v, want %v", sameModel, tt.shared)
			}
			if !tt.shared && len(tt.b.Sentences) != before {
				t.Errorf("an unshared article's sentences changed from %d to %d", before, len(tt.b.Sentences))
			}
			if tt.b.ID != "b" {
				t.Errorf("ID = %q, want b: only the text model is shared", tt.b.ID)
			}
		})
	}
}
