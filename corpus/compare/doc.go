// Package compare aligns the passages of two articles that report the same
// thing and diffs each aligned pair word by word, giving a Comparison of
// blocks with byte spans; Cache memoises comparisons for every reader of a
// corpus. It builds on the text model (package corpus) and knows nothing of
// stories, cross-outlet analysis or terminals.
//
// Two files run past 600 lines and stay whole: align.go is the matcher
// (each sentence's features, the candidates' weights, the assignment and
// the merges that grow its groups), one state that every step reads and
// writes; compare.go turns those groups into blocks (the word diff of each
// group, one-sided passages placed beside their neighbours, match kinds,
// repeats), and its steps share one builder.
package compare
