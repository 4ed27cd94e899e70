// Package serve hosts a Bubble Tea model over SSH (gliderlabs/ssh): one
// program per interactive session, styled with the session's own renderer,
// one injected command per exec session, and the limits, timers, request
// screening and logs that make that safe on a public port. It must not know
// the model, the commands or the data behind them: it imports no package of
// newsdiff, and its caller (ui/cli) hands it all three through Config.
package serve
