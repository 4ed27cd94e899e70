// Package ui is newsdiff's terminal reader: one Bubble Tea model over a
// loaded corpus. It owns the reader's views, their layout and painting,
// its keys, and the work it runs off the UI goroutine. It must not know how
// articles are compared or analysed (corpus and its layers do that), how a
// terminal is reached (the caller runs the program: the command line, or
// ui/serve over SSH), or which bytes a terminal must not see (ui/termsafe).
//
// It has five views, on keys 1 to 5, each a storyView (view.go) that the
// root model forwards to. The first (compareview.go) has an articles pane
// (stories, their articles, and each article's similarity to the one on
// the left) and a comparison pane that shows two articles side by side,
// corresponding passages level, with the words one deleted and the other
// inserted highlighted, or inline as a word diff. Passages paired out of
// order, passages one side lacks, repeated wording, wire copy and facts
// other outlets give differently are marked. The next three look at the
// whole story of the left article: its quotes, each outlet's wording
// diffed against the most common; a matrix of how much each outlet
// reports of each other's words; and the passages only one outlet
// reports, the runs several print word for word, and the facts they give
// differently. The fifth (problems.go) lists the files that did not load,
// or loaded with a problem worked around, and why. Every pane with entries moves through one list (list.go),
// and every window of rows through one scroller (scroll.go).
//
// Alignment and diffing are corpus's work, cached per pair in an
// analysis.Cache that every reader may share. A pair the cache does not
// hold is compared by a command, off the UI goroutine (pair.go), so that
// the reader always answers: over a second, a spinner shows and esc
// abandons it. A story's analysis is computed once per reader, also off
// the UI goroutine, the first time the reader needs it. A panic in that
// work becomes a message the reader shows. The reader only lays the result
// out: it wraps each block's two sides to the column width (wide runes
// measured as two cells), pads the shorter so each pair starts level, and
// paints the rows once per (comparison, width, mode) and search query.
// View slices the painted rows, so scrolling costs no more than copying a
// screenful of strings.
//
// Everything is drawn through the lipgloss.Renderer given in Options, so a
// server can run one reader per SSH session, each in its client's colours.
// Nothing here writes to the terminal by itself or exits the process:
// problems become state the reader shows.
//
// These files run over 600 lines and stay whole: render.go is the
// comparison's one pipeline from blocks to painted rows (layout, marks,
// brushes), which reads best in one place; compare.go is the comparison
// pane, its scrolling, search and change navigation, which share one
// layout; quotes.go is one view, its list and its wordings, which change
// together; ui.go is the root model, the messages it routes and the keys
// every view shares, one Update in one file; ui_test.go drives the root
// model key by key, one behaviour per test.
package ui
