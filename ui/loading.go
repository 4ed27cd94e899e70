package ui

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
)

// loadedMsg carries the corpus Options.Load loaded, or the library
// Options.Open opened, or why it could not.
type loadedMsg struct {
	c        *corpus.Corpus
	lib      Library
	problems []string
	err      error
}

// open returns a command that opens a library with f under ctx, as load
// loads a corpus.
func open(ctx context.Context, f func(context.Context) (Library, []string, error)) tea.Cmd {
	return inBackground("opening", func() loadedMsg {
		lib, problems, err := f(ctx)
		if err == nil && lib == nil {
			err = errors.New("nothing was opened")
		}
		if err != nil {
			return loadedMsg{problems: problems, err: err}
		}
		return loadedMsg{c: lib.Corpus(), lib: lib, problems: problems}
	})
}

// load returns a command that loads the corpus with f under ctx.
func load(ctx context.Context, f func(context.Context) (*corpus.Corpus, []string, error)) tea.Cmd {
	return inBackground("loading", func() loadedMsg {
		c, problems, err := f(ctx)
		if err == nil && c == nil {
			err = errors.New("nothing was loaded")
		}
		return loadedMsg{c: c, problems: problems, err: err}
	})
}

// inBackground returns a command that runs f off the UI goroutine, a
// panic in it becoming an error the reader shows ("loading failed: ...").
func inBackground(doing string, f func() loadedMsg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = loadedMsg{err: fmt.Errorf("%s failed: %v", doing, r)}
			}
		}()
		return f()
	}
}

// handleLoaded installs the loaded corpus and starts what New starts for a
// corpus given at once, or shows why loading failed.
func (m *Model) handleLoaded(msg loadedMsg) tea.Cmd {
	if m.state != stateLoading {
		return nil
	}
	if msg.err != nil {
		m.state, m.loadErr = stateLoadFailed, msg.err
		return nil
	}
	m.lib = msg.lib
	m.install(msg.c, msg.problems)
	m.layout()
	refresh := m.startRefresh(false)
	return tea.Batch(m.initCmd, m.analyseStory(), refresh)
}
