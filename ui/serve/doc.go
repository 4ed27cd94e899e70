// Package serve hosts a Bubble Tea model over SSH (gliderlabs/ssh): one
// program per interactive session, styled with the session's own renderer,
// one injected command per exec session, and the limits, timers, request
// screening and logs that make that safe on a public port. It must not know
// the model, the commands or the data behind them: of newsdiff it imports
// only the ui/internal helpers every layer of the ui shares (a count and
// its noun, digits grouped, a duration as typed, COLORFGBG), none of which
// knows an article, and its caller (ui/cli) hands it all three through
// Config.
package serve
