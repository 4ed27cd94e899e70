// Package quote finds the quotations of a story across outlets: who is
// quoted, with which words, and how each outlet's wording of one utterance
// differs. It reads articles and diffs words (package compare); it knows
// nothing of stories' other analyses or of terminals.
//
// attribute.go runs past 600 lines: attribution is one chain of small steps
// over one scanner's state (verb, subject before or after it, pronouns,
// inheritance), which reads best together; speaker.go, past 600 lines too,
// is the last of those steps, judging the phrase found (a name, a role, an
// organisation, a medium's owner) on the same scanner; quote_test.go is the
// fixtures of each step, table by table.
package quote

// How quotes are found and grouped. The files follow the steps: scan.go
// finds quotes, attribute.go and words.go find who said them, group.go joins
// one utterance across articles, variants.go diffs each wording.
//
// Outlets that report the same story quote the same people, and how each
// one quotes them is where wording matters most: a word dropped ("you will
// probably be rewarded" against "you'll be rewarded"), a pronoun changed
// ("his political opponent" against "a political opponent"), a quote cut
// short or stretched. Extract finds every quotation in one article and who
// it is attributed to; Groups finds the quotations of the same
// utterance across articles and diffs each against the wording most of
// them share.
//
// Extraction reads double quote marks, curly or straight, paragraph by
// paragraph. Single quotes are never top-level marks: inside a quotation
// they are part of it, elsewhere they are apostrophes (Sanders’ bid) or
// headline style, and telling those apart costs more mistakes than it
// saves. A mark's direction comes from its glyph where it has one and from
// its neighbours where it does not (a straight mark after a space opens,
// one after a word closes), so "…process.” opened with a straight mark
// pairs as well as a curly pair does; a closing curly mark a bad decoding
// turned into "�?" still closes. No mark opens before a stop, a comma or
// a possessive's "'s" (`replied " no ", whether`), whatever its glyph. A
// mark opening within a quote whose next two marks both close quotes a
// quote within it (“He said “no” to us,” she said): both stay part of the
// outer one. Any other mark opening within a quote says the open one lost
// its closing mark. A quote with no closing mark ends at its paragraph's end; when the next
// paragraph opens with a quote mark, the news convention for a quotation
// running over several paragraphs, the two are one Quote with one part
// per paragraph. A quote left open that opened within the writer's
// sentence, on a lower-case word, and ran on past that sentence ends
// there, and the sentences after it are the writer's, unless the text
// was lower-cased wholesale and no next paragraph opens with a mark: such
// a text writes its quotes' sentences so too. A paragraph with no
// marks at all after one ending in "stated:", "wrote:" and the like is a
// block quote. A transcript's lines without marks ("TRUMP: Well, the
// leaks are real.") are not quotes: the same label-and-colon opens page
// furniture ("PHOTOS:", "THE FACTS:") and a broadcast's whole script,
// its hosts' narration included, and only marks say where the words
// reported verbatim start and end.
//
// A line opening with a speaker's label ("Ortiz: “…”", "TRUMP: "…"", a
// fact-check's "TRUMP, saying "…"", or "… real leaks? TRUMP: Well, …"
// inside a paragraph) is that speaker's, as the article spells the name
// elsewhere ("Trump") (label.go), or, a single word written nowhere else
// with a given name or a title, when the article quotes a speaker of
// that surname before or another report of the story writes it as a
// person's ("Cohen:" beside "Michael Cohen"): the quote opening the line and what
// its "I" says; a quote inside the line with no attribution of its own
// may be someone the speaker reports, and keeps none. A journalist's
// label ("REPORTER:", "Q:") names no one, and "I" outside such a line is
// the writer, whom the article does not name. Any speaker's name in capitals
// ("“…,” SAYS COLBERT") is spelt as the article writes it elsewhere; an
// acronym it never writes otherwise ("DNC") stays.
//
// Attribution reads the text as a reader sees it, without the escape
// sequences and controls that display removes (visible.go), and looks only
// at the words of the quote's own sentence outside its marks: an
// attribution verb after the quote (“…,” Mr Trump said) or before it
// (Peskov said: "…"), or inserted between commas ("The difference, said
// Trump, is that …"), or an infinitive its subject means to use ("“…?”
// Mr. Mueller planned to ask"), or a verb saying how someone spoke that
// takes a "that" holding the quote ("Mr. Trump thundered on social media
// that there was “…”"), or, in place of a verb, the words before a colon
// the quote follows saying how a person spoke ("Sasse was blunt: "…"",
// manner.go), and the name next to the verb, with titles (Mr,
// President, Foreign Minister) dropped, and a legislator's party-and-state
// tag after it ("Devin Nunes, R-Calif., said") passed over, and a name
// after the verb that only says whose the speaker is ("said Trump
// spokesman Sean Spicer", qualifier.go) giving way to theirs; people listed
// as one subject ("Goodlatte, Gowdy and Nunes noted") are the speaker
// together. A participle (…, saying “…”) takes the subject of its clause. A
// speaker phrase must name someone who can speak (speaker.go): a document
// or medium ("the statement said", "in a Twitter message") is the channel,
// not the speaker, but the person a medium is from is ("read a tweet from
// Trump", "A tweet from Trump said"); a role noun alone ("the sheriff said") takes the name
// the text gave that role, and an organisation's noun ("the agency said")
// the nearest organisation's name ending in it; a phrase is kept whole, to
// six words or eight to keep a name in it whole, and so is a noun with the
// phrase saying which one it is ("a spokesman for the company", "the
// head of the agency"), not the phrase's object, after the verb too
// when the phrase is a place or a gathering ("said a man in the crowd",
// but "said a man in a statement"); a name runs on through
// "of" when it is an organisation's ("the Bank of England"), and gives
// way to the person's before it ("Ann Smith of Texas") or after what a
// title is of ("Secretary of State John Kerry"); a document by someone
// ("a report by the board"), or from an organisation ("a statement from
// the company"), is the source, as is one named with where it is kept
// ("the ledger entry at the school") or what it is about ("a report on
// the crash"); a name governed by a
// preposition ("director of Amnesty International UK") gives way to the
// name its appositive describes. In a text lower-cased wholesale, whose
// names have no capitals, the words after a quote closed on a comma and
// before an appositive the verb follows are the speaker (`…, " couric,
// 61, told`), or the appositive when it is a bare name after a role;
// after a quote a comma or a colon sets off and a full stop closes, the
// words that follow are the next sentence's, which such a text's
// splitter misses, and the words before the quote its attribution. "he"
// and "she" become the named subject of
// the nearest sentence before them that has one (the quote's own sentences
// not counted), if it is a person's name: a lone word ("Laughter —
// and applause — ensued") only when the article writes it elsewhere as
// part of a longer name, with a title, or attributes a quote to it, or
// when Groups reads it with a report of the same story that writes it
// as a person's surname ("President Donald Trump" beside an outlet's
// bare "Trump", storyNames); unless a sentence in between is about "the
// liberal icon justice": an epithet is the antecedent then, named only when the text
// gave its role as a title ("Justice Ruth Bader Ginsburg"), or when it
// says what a person is ("The New York businessman", epithet.go) and the
// sentence before it is about one person the article has quoted, and no
// other it quotes; otherwise the pronoun stays, since a wrong name is
// worse than none. A sentence whose subject is a document or medium ("The
// announcement followed …") is about no one the pronoun stands for, and
// the look-back reads on past it. A pronoun for
// someone the text says it does not name ("one person, who refused to give
// his name") takes the phrase that describes them, and a person an absolute
// clause of a sentence before names ("with Sen. Bernie Sanders giving
// qualified support") is a named subject. A phrase set off by a comma
// before a name ("That day, Mr. Trump", "A convention-goer, Jeff Martin,")
// is no epithet. "It" takes the source or the organisation of the quote
// before it that it stands for, or the document a sentence before opens
// with, and never a person's name; "they" the plural noun phrase a sentence
// before opens with ("The chairmen said …"), the people an earlier quote
// there was attributed to together, or the plural people its "according to"
// names, and inside a relative clause, what the clause stands for ("the
// Clinton campaign, who had sounded the alarm over what they called"). That
// name must be a person's (person.go): not an organisation's ("St. Louis
// Tea Party") nor the article's outlet's ("Breitbart London"); and a
// picture's caption ("Image caption …", caption.go) names no antecedent. A
// quote standing alone in its paragraph, or following another in the same
// paragraph, takes the speaker of the quote before it (or its document,
// “…,” the flyer continues. “…”, as far as a reader sees one sentence: in
// a lower-cased text with spaced marks a full stop the splitter missed
// still ends it), unless that one is
// a question put to someone (answer.go): the answer is the one asked's
// ("“…?” Tapper asked Ortiz. “…”", or a quote alone after "Tapper asked
// Ortiz whether …"), and nobody's when a journalist asked no one the text
// names; "she" after "Tapper asked Ortiz whether …" is Ortiz too, and "he"
// in "he told Ryan" is never Ryan. A quote whose own sentence, not that
// quote's, says someone speaks, with a verb whose subject went unread
// ("Ann Lowe, owner of …, said the tides were “…”"), takes no speaker
// from the quote before.
//
// Grouping compares quotes by the IDF-weighted containment of their word
// forms, so that a trimmed quote is still the quote it was trimmed from and
// two quotes sharing only common words are not the same (they must also
// share a few words that are not stopwords). Candidate pairs
// come from an inverted index on each quote's rarest words, which keeps the
// cost near-linear in the number of quotes. Pairs are joined strongest
// first with union-find, under one rule: within one article a group may
// only hold consecutive quotes of one speaker, in the same or adjacent
// paragraphs. That rule is what lets an outlet that splits an utterance
// around its attribution ("Russia, … missing," Trump said. "I think …")
// stand beside one that quotes it whole: both halves join the whole quote's
// group, and the outlet's member of the group is the two halves joined
// (a Quote with two Parts). Two quotes that are merely near each other are
// never joined without another outlet's quote covering both.

import (
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Quote is one quotation in one article.
type Quote struct {
	// Article is the article quoting; every span points into its Raw.
	Article *corpus.Article
	// Span runs from the first quoted word to the last, inside the
	// marks; a trailing comma (the convention before an attribution) is
	// left out. For a quote with several parts it covers what lies
	// between them too: read Parts for the quoted words alone.
	Span corpus.Span
	// Parts holds the quoted stretches in text order: one for a quote in
	// a single pair of marks or a block quote; one per paragraph for a
	// quotation continued over paragraphs; and, in a Group, one per
	// quote where Groups joined an outlet's consecutive quotes of one
	// utterance. Every part starts and ends on a token boundary. A part
	// followed by another keeps the comma that ends it inside its marks
	// (the last part's is left out, as Span's is).
	Parts []corpus.Span
	// FullStops holds the byte offsets of the commas ending parts that
	// read as full stops, because the next part starts a sentence (see
	// TextIn): “…his political opponent,” / “This has gone…” reads
	// “…his political opponent. This has gone…”.
	FullStops []int
	// Para is the index in Article.Paragraphs of the paragraph holding
	// the first part.
	Para int
	// Words counts the word tokens in Parts.
	Words int
	// Block marks a quotation set as its own paragraph, without marks,
	// after a paragraph ending in an attribution and a colon ("Trump
	// stated:").
	Block bool
	// Short marks a quote of fewer than MinWords words: mostly scare
	// quotes and quoted phrases (“beauties”, “alarm”) rather than speech;
	// and a work's title right after its noun (the film “The Innocence
	// of Muslims”), which no one spoke and has no speaker.
	// Short quotes are returned by Quotes but left out of groups.
	Short bool
	// Unclosed marks a quote whose closing mark is missing, so that it
	// ends at the end of its (last) paragraph, or at the sentence before
	// the next opening mark, or, opened within the writer's sentence and
	// with more of the paragraph after it, at that sentence's end.
	Unclosed bool
	// Speaker is who the article says spoke the words, as the article
	// names them, without titles ("Trump", "Jake Sullivan", "Sergei
	// Lavrov"). Where the sentence gives no name it is the pronoun ("he")
	// or the noun phrase ("Clinton’s campaign") it does give, or empty;
	// a document or medium ("the statement said") is never one. A
	// quote with no attribution of its own takes the speaker of the quote
	// before it when it follows that one in its paragraph, or stands
	// alone in the next, unless that one is a question put to someone,
	// whose answer it is; a block quote takes the one its introduction
	// names.
	Speaker string
	// Verb is the attribution verb as written, in lower case ("said",
	// "told", "stated", "adding", "according to"), or where the
	// attribution names the medium instead of a verb, that phrase as
	// written with its preposition in lower case ("in a tweet", "on
	// Twitter"); empty when the speaker was carried over from a
	// neighbouring quote or none was found.
	Verb string
	// Source is the document or medium the article attributes the words
	// to when it names no speaker ("The lawsuit states", "the statement
	// said"), as the article writes it, with Verb its verb; empty
	// otherwise. It is never a speaker. A quote with no attribution of
	// its own takes it, with no verb, where it would take a speaker's
	// name (“…,” the flyer continues. “…”), and so does one attributed
	// to "it" that stands for the document ("the original called for …
	// “…”. It said “…”").
	Source string
	// Hedges lists the words that distance the outlet from the claim
	// ("alleged", "reportedly", "probably") in the quote's sentences
	// before and after it (or in a block quote's introduction), outside
	// any quote and any aside, in lower case and text order.
	Hedges []string
}

// Text returns the quoted words, unsanitised: the parts' original bytes,
// joined by a space, with the commas of FullStops read as full stops. Use
// termsafe for anything that reaches a terminal.
func (q Quote) Text() string {
	var sb strings.Builder
	for i, p := range q.Parts {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(q.TextIn(p))
	}
	return sb.String()
}

// Group is one utterance as the outlets that quote it word it.
type Group struct {
	// Quotes holds one quote per carrying article, in the order the
	// articles were given. An outlet that split the utterance around its
	// attribution has the pieces joined into one Quote with several Parts;
	// an outlet that quoted the utterance twice has its longest rendering
	// here.
	Quotes []Quote
	// Common is the index in Quotes of the wording the others are closest
	// to, by IDF-weighted word overlap summed over the other quotes.
	Common int
	// Ops[i] is the word diff of Quotes[Common] (the left side; spans into
	// its article) against Quotes[i] (the right side; spans into that
	// article): deletes are words only the common wording has, inserts
	// words only Quotes[i] has. The diff runs over the parts' words laid
	// end to end, a comma of FullStops compared as the full stop it reads
	// as, so that "missing," then "I think" is "missing. I think"; the
	// space one side has where the other's parts meet is an insert or a
	// delete of spacing alone. Equal and
	// delete ops rebuild the common wording's parts in order, equal and
	// insert ops those of Quotes[i]; no op spans the gap between two
	// parts.
	Ops [][]compare.Op
	// Speaker is the most common speaker among the quotes, counting names
	// by their last word ("Sullivan" and "Jake Sullivan" are one), and
	// given in its most common form, one ending in a name before a
	// description as common ("Nunes" before "the chairmen"); never a
	// pronoun, so it is empty when no quote names anyone.
	Speaker string
}

// MinWords is the fewest words a quote needs not to be Short.
const MinWords = 4

// Tuning of quote grouping.
const (
	// containMin is the least share of the smaller quote's IDF weight
	// that two quotes must share to be the same utterance; sharedMin is
	// the fewest words they must share, so that a four-word quote does
	// not join another over two rare words, and sharedContent the
	// fewest of those that are not stopwords ("We have numerous
	// witnesses" is not "We have numerous detectives").
	containMin    = 0.6
	sharedMin     = 3
	sharedContent = 2
	// A quote that is another's words in their order with at most
	// insertedWords words added is the same utterance however few of
	// its words are content words: an outlet's "possibly" or "really"
	// is what the variants exist to show.
	insertedWords = 2
	// Two quotes of one article may both join a group without being
	// consecutive parts only when the pair that brings them together
	// shares this much: the outlet quoted the same words twice.
	repeatContain = 0.85
	repeatShared  = 6
	// indexWords is how many of a quote's rarest words are looked up
	// in the inverted index, and maxPosting the longest posting list
	// that is read: a word in more quotes than that is no evidence.
	indexWords = 8
	maxPosting = 64
	// tailWords is how far after a quote its attribution verb may
	// sit, in words: `…,” Jake Sullivan, Mrs Clinton’s senior policy
	// adviser, said` is within reach, a verb in a later clause is not;
	// past a longer appositive of the name the words open with, the
	// verb right after its closing comma is too (afterAppositive).
	tailWords = 10
	// resolveSentences is how many sentences back the name a pronoun
	// stands for is looked for.
	resolveSentences = 4
	// subjectTokens is how far into a sentence its subject is looked
	// for, in tokens.
	subjectTokens = 200
	// appositiveTokens is the longest appositive between a name and
	// its verb, in tokens.
	appositiveTokens = 60
	// phraseWords is the most words a speaker phrase keeps, and
	// phraseNameWords the most when that keeps a name in it whole.
	phraseWords     = 6
	phraseNameWords = 8
)

// Speaker kinds, best first.
const (
	speakerNone = iota
	speakerPhrase
	speakerPronoun
	speakerName
)
