package compare

import "slices"

// One opening, one passage (issue 9, wrong pairings): two sentences that
// open with the same runLen words are one passage, rewritten after its
// opening, which holds its subject and verb. Such a pair, made by its
// surface score, was scored on another scale than a pair the model alone
// made (a surface score, mostly 0.32 to 0.5, against a probability from
// the model's threshold up), and taken best score first it lost its
// sentence to such a paraphrase: USA Today's "The Times obtained a list
// of the questions, which range from Trump's motivations for firing FBI
// Director James Comey a year ago to contacts Trump's campaign had with
// Russians" (against Breitbart's "The Times obtained a list of questions
// it said Mueller's team read over the telephone…", surface 0.33) went
// to Breitbart's "Most of the questions reported by the Times ask what
// Trump knew of certain events, like … firing former FBI director James
// Comey" (model 0.56, two events the gold marks apart) once the
// threshold was 0.55, as a model fitted without that story chose.
//
// Such a pair ranks as one that shares a quotation (candidate.rank):
// quoteBonus above its score, below a sure quotation. Any shared run of
// runLen words would not do: most are a phrase the story repeats in the
// middle of a sentence, a name and its title ("by former FBI director
// James Comey", "special counsel Robert Mueller's investigation of
// Russian interference"), and ranked so, they changed three pairings of
// the development stories, one of them to a wrong partner. A shared
// opening that holds every content word the two share is judged as such
// a phrase too (phraseOnly).

// sameOpening reports whether u and v open with the same runLen words.
func sameOpening(u, v *unit) bool {
	return len(u.words) >= runLen && len(v.words) >= runLen && slices.Equal(u.words[:runLen], v.words[:runLen])
}
