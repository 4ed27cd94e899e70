// Package compare aligns the passages of two articles that report the same
// thing and diffs each aligned pair word by word, giving a Comparison of
// blocks with byte spans; Cache memoises comparisons for every reader of a
// corpus. It builds on the text model (package corpus) and knows nothing of
// stories, cross-outlet analysis or terminals.
package compare
