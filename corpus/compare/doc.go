// Package compare aligns the passages of two articles that report the same
// thing and diffs each aligned pair word by word, giving a Comparison of
// blocks with byte spans; Cache memoises comparisons for every reader of a
// corpus. It builds on the text model (package corpus) and knows nothing of
// stories, cross-outlet analysis or terminals.
//
// The alignment method: prose sentences are the units. Two sentences are
// scored by an IDF-weighted containment of their content words plus a bonus
// for shared word bigrams; candidate pairs come from an inverted index so the
// cost stays near-linear in article length. A greedy one-to-one assignment by
// score is followed by merges (an unmatched sentence joins its neighbour's
// block when it covers what the partner still lacks), and the longest
// increasing subsequence of right positions decides which blocks are in order
// and which are moved. Inside a block, tokens are mapped to runes and diffed
// with go-diff, then a token-aware cleanup folds short equal islands into the
// surrounding change so that changes read as phrases.
package compare
