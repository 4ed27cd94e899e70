package corpus

import (
	"slices"
	"testing"
)

// wordsOf returns the text of each word token of s.
func wordsOf(s string) []string {
	a := Parse("test", []byte(s))
	var out []string
	for _, t := range a.Tokens.All() {
		if t.Kind == TokWord {
			out = append(out, a.Text(t.Span))
		}
	}
	return out
}

// TestCJKWords checks that Chinese and Japanese, written without spaces,
// are cut into words as Unicode's word boundaries cut them: each
// ideograph and hiragana alone, katakana and Hangul runs whole, Latin
// words beside them whole.
func TestCJKWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"特朗普呼吁俄罗斯", []string{"特", "朗", "普", "呼", "吁", "俄", "罗", "斯"}},
		{"トランプ氏は述べた", []string{"トランプ", "氏", "は", "述", "べ", "た"}},
		{"FBI调查了3万封邮件", []string{"FBI", "调", "查", "了", "3", "万", "封", "邮", "件"}},
		{"트럼프 대통령은", []string{"트럼프", "대통령은"}},
		{"人々が", []string{"人", "々", "が"}},
		{"He said 你好 twice", []string{"He", "said", "你", "好", "twice"}},
	}
	for _, tt := range tests {
		if got := wordsOf(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCJKSentences checks that a CJK full stop, exclamation or question
// mark ends a sentence though no space follows it.
func TestCJKSentences(t *testing.T) {
	got := sentencesOf("特朗普周三发表讲话。他说：“俄罗斯，如果你在听！”记者问了什么？没有回答。")
	want := []string{"特朗普周三发表讲话。", "他说：“俄罗斯，如果你在听！”", "记者问了什么？", "没有回答。"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}
