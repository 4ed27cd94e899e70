package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sentencesOf segments "Title\n\n"+body and returns the text of each
// sentence of the body.
func sentencesOf(body string) []string {
	a := Parse("test", []byte("Title\n\n"+body))
	var out []string
	for _, s := range a.Sentences[1:] {
		out = append(out, a.Text(s.Span()))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"closing quote after the stop",
			"“I think you’ll be rewarded mightily by our press.” He said so.",
			[]string{"“I think you’ll be rewarded mightily by our press.”", "He said so."}},
		{"straight closing quote",
			`He said "it is over." Then he left.`,
			[]string{`He said "it is over."`, "Then he left."}},
		{"opening quote starts a sentence",
			"Trump said on Wednesday. “I think you will probably be rewarded.”",
			[]string{"Trump said on Wednesday.", "“I think you will probably be rewarded.”"}},
		{"titles",
			"Mr. Trump met Mrs. Clinton and Gov. Pence and Sen. Sanders. They talked.",
			[]string{"Mr. Trump met Mrs. Clinton and Gov. Pence and Sen. Sanders.", "They talked."}},
		{"U.S. mid-sentence and at the end",
			"The U.S. President spoke. He left the U.S.",
			[]string{"The U.S. President spoke.", "He left the U.S."}},
		{"numbers",
			"She deleted 30,000 emails. The rate rose 3.5 percent. It was 1,2 or 3.",
			[]string{"She deleted 30,000 emails.", "The rate rose 3.5 percent.", "It was 1,2 or 3."}},
		{"ellipsis",
			"He paused... Then he spoke. And then… Nothing.",
			[]string{"He paused...", "Then he spoke.", "And then…", "Nothing."}},
		{"dashes do not end sentences",
			"Obama – whose government hacks too – refused. The end — or not.",
			[]string{"Obama – whose government hacks too – refused.", "The end — or not."}},
		{"question and exclamation",
			"Why now? Because! Fine.",
			[]string{"Why now?", "Because!", "Fine."}},
		{"police and military ranks",
			"They met Det. Ann Lee, Insp. Bo Ng, Cpl. Al Roe and Atty. Jo Fox. It rained.",
			[]string{"They met Det. Ann Lee, Insp. Bo Ng, Cpl. Al Roe and Atty. Jo Fox.", "It rained."}},
		{"numbered abbreviations",
			"It happened on Jan. 5 at No. 10 Downing Street. It rained.",
			[]string{"It happened on Jan. 5 at No. 10 Downing Street.", "It rained."}},
		{"initials",
			"George W. Bush spoke. I agreed.",
			[]string{"George W. Bush spoke.", "I agreed."}},
		{"lower-cased text still splits",
			"the council met. the bridge was approved.",
			[]string{"the council met.", "the bridge was approved."}},
		{"lower case after a stop in cased text does not split",
			"He left at 5 p.m. and came back. Then slept.",
			[]string{"He left at 5 p.m. and came back.", "Then slept."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(tt.body)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences of %q:\n got  %q\n want %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestTokenForms(t *testing.T) {
	tests := []struct {
		text string
		want []string // forms of the word and punctuation tokens
	}{
		{"you’re you're YOU'RE", []string{"you're", "you're", "you're"}},
		{"“Hi” \"hi\"", []string{`"`, "hi", `"`, `"`, "hi", `"`}},
		{"30,000 3.5 1,2", []string{"30,000", "3.5", "1", ",", "2"}},
		{"cyber-security U.S. a.m.", []string{"cyber-security", "u.s", ".", "a.m", "."}},
		{"end – dash — dash -- dash", []string{"end", "-", "dash", "-", "dash", "-", "dash"}},
		{"Sanders’ bid", []string{"sanders", "'", "bid"}},
		{"wait...", []string{"wait", "..."}},
	}
	for _, tt := range tests {
		a := Parse("test", []byte(tt.text))
		var got []string
		for _, tok := range a.Tokens.All() {
			if tok.Kind == TokWord || tok.Kind == TokPunct {
				got = append(got, tok.Form)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("forms of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestWhitespaceAndControls(t *testing.T) {
	// Verbatim: the loader and Parse drop controls, but the tokenizer
	// must still make tokens of any bytes (an article built byte for
	// byte, see ParseVerbatim).
	a := ParseVerbatim("test", []byte("Title\r\n\r\nstance\u00a0and\u2003words \x1b]52;c;aGk=\x07here\u202e.\r\n"))
	var words, controls []string
	for _, tok := range a.Tokens.All() {
		switch tok.Kind {
		case TokWord:
			words = append(words, tok.Form)
		case TokControl:
			controls = append(controls, a.Text(tok.Span))
		}
	}
	if got := strings.Join(words, " "); got != "title stance and words here" {
		t.Errorf("words = %q", got)
	}
	if len(controls) != 2 || controls[0] != "\x1b]52;c;aGk=\x07" || controls[1] != "\u202e" {
		t.Errorf("control tokens = %q, want the whole OSC sequence and the bidi override", controls)
	}
	if len(a.Paragraphs) != 2 || a.Paragraphs[0].Role != RoleTitle || a.Paragraphs[1].Role != RoleProse {
		t.Errorf("paragraphs = %+v", a.Paragraphs)
	}
}

func TestLineRoles(t *testing.T) {
	tests := []struct {
		line string
		want Role
	}{
		{"Share Story", RoleBoilerplate},
		{"SHARE THIS ARTICLE", RoleBoilerplate},
		{"Photo by: AFP", RoleBoilerplate},
		{"www.presstv.ir", RoleBoilerplate},
		{"Source: Al Jazeera, News Agencies", RoleBoilerplate},
		{"TRTWorld and agencies", RoleBoilerplate},
		{"Press TV’s website can also be accessed at the following alternate addresses:", RoleBoilerplate},
		{"1 of 6.", RoleBoilerplate},
		// The label a saved page keeps of an embedded post or a share
		// button: a line that is a social network's name alone.
		{"Facebook", RoleBoilerplate},
		{"WhatsApp", RoleBoilerplate},
		{"Facebook said on Monday that it would close the accounts.", RoleProse},
		{"US Democratic presidential nominee Hillary Clinton arrives on stage at the Wells Fargo Center in Philadelphia, Pennsylvania, July 27, 2016. (AFP photo)", RoleCaption},
		{"Clinton made history on Tuesday, becoming the first female nominee for president of a major party during the Democratic convention in Philadelphia [EPA]", RoleCaption},
		{"A file photo of President Obama and President Putin.", RoleCaption},
		// An agency's caption of a picture from its files, after its
		// "FILE -" label.
		{"FILE - In this Aug. 15, 2014 file photo, New York City real estate heir Robert Durst leaves a Houston courtroom.", RoleCaption},
		{"FILE – In this Tuesday, Dec. 31, 2013 file photo, Sinn Fein President Gerry Adams speaks to the media at Stormont Hotel.", RoleCaption},
		{"File - the company said on Monday that it would close the plant in this town.", RoleProse},
		// A caption whose credit closes it without brackets: an
		// agency's, a photographer's for an agency.
		{"Real estate heir Robert Durst appears in a criminal courtroom for his trial on charges of trespassing on property owned by his estranged family, in New York December 10, 2014. REUTERS/Mike Segar/File Photo", RoleCaption},
		{"Twitter has promised to improve and expand its policies after Robin Williams' daughter is bullied off of the social network. REUTERS/Eric Thayer", RoleCaption},
		{"President Donald Trump speaks during a news conference in the East Room of the White House, Thursday, Feb. 16, 2017. AP Photo/Evan Vucci", RoleCaption},
		{"Nicholas Kamm/AFP/Getty Images", RoleCaption},
		{"Pelosi talks to reporters on Capitol Hill. Getty Images", RoleCaption},
		{"The senator takes questions in the Capitol. Photo: Getty Images", RoleCaption},
		{"The company bought the picture from Getty Images.", RoleProse},
		{"Support for the plan fell to 38 percent in the latest Reuters/Ipsos poll.", RoleProse},
		{"Republican presidential nominee Donald Trump speaks at a campaign event in Winston-Salem, North Carolina, U.S.", RoleCaption},
		{"Trump said on Wednesday that he speaks for the people, July 27, 2016.", RoleProse},
		{"“It shows how weak we are,” he said at the event on July 27, 2016.", RoleProse},
		{"Mrs Clinton did not hand over 30,000 emails as part of an investigation.", RoleProse},
		// A rule between the story and what follows it, and the lone
		// label over a list of links, are no sentences of the story; a
		// transcript's speaker label and a line of prose that introduces
		// a quote are.
		{"___", RoleBoilerplate},
		{"* * *", RoleBoilerplate},
		{"———", RoleBoilerplate},
		{"ALSO:", RoleBoilerplate},
		{"UPDATE:", RoleBoilerplate},
		{"KELLY MCEVERS, HOST:", RoleProse},
		{"He added:", RoleProse},
		{"“Wish me luck,” he said.", RoleProse},
		{"I:", RoleProse},
	}
	for _, tt := range tests {
		if got := lineRole(tt.line); got != tt.want {
			t.Errorf("lineRole(%q) = %s, want %s", tt.line, got, tt.want)
		}
	}
}

// TestSeedRoles checks the roles found in the seed texts: every
// boilerplate line the issue names is tagged, and the quotes are prose.
func TestSeedRoles(t *testing.T) {
	files, _ := filepath.Glob("../articles/*.txt")
	var nonProse []string
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		a := Parse("test", raw)
		for _, p := range a.Paragraphs[1:] {
			if p.Role != RoleProse {
				nonProse = append(nonProse, p.Role.String()+": "+a.Text(p.Span))
			}
		}
	}
	all := strings.Join(nonProse, "\n")
	for _, want := range []string{
		"boilerplate: Share Story", "boilerplate: SHARE THIS ARTICLE", "boilerplate: Photo by: AFP",
		"boilerplate: www.presstv.ir", "boilerplate: Source: Al Jazeera, News Agencies", "boilerplate: TRTWorld and agencies",
		"caption: US Democratic presidential nominee Hillary Clinton arrives", "heading: WikiLeaks emails",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q among the seeds' non-prose paragraphs:\n%s", want, all)
		}
	}
	if strings.Contains(all, "if you’re listening") || strings.Contains(all, "rewarded mightily") {
		t.Errorf("a quote was tagged as non-prose:\n%s", all)
	}
}
