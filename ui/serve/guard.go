package serve

import (
	"reflect"
	"runtime/debug"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
)

// guard contains panics in one session's model. Bubble Tea recovers panics
// too, but it prints them to the server's stdout and keeps the stack from the
// log; the guard catches them first, in Init, Update, View and every command
// the model returns, hands the value and stack to onPanic once, and turns the
// model inert so the program can be stopped cleanly.
type guard struct {
	onPanic func(value any, stack []byte)
	once    sync.Once
	failed  atomic.Bool
}

// recovered reports a recovered panic value; nil means there was none.
// It must be called from the deferred function that recovered, so that the
// stack it takes still shows where the panic happened.
func (g *guard) recovered(v any) bool {
	if v == nil {
		return false
	}
	g.failed.Store(true)
	stack := debug.Stack()
	g.once.Do(func() { g.onPanic(v, stack) })
	return true
}

// build calls newModel under the guard; a nil model means it panicked.
func (g *guard) build(newModel func() tea.Model) (m tea.Model) {
	defer func() {
		if g.recovered(recover()) {
			m = nil
		}
	}()
	return guardedModel{model: newModel(), g: g}
}

// guardedModel is a tea.Model whose methods cannot panic.
type guardedModel struct {
	model tea.Model
	g     *guard
}

// Init implements tea.Model.
func (m guardedModel) Init() (cmd tea.Cmd) {
	defer func() {
		if m.g.recovered(recover()) {
			cmd = nil
		}
	}()
	return m.g.cmd(m.model.Init())
}

// Update implements tea.Model. After a panic the inner model's state is
// unknown, so it is never called again.
func (m guardedModel) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if m.g.failed.Load() {
		return m, nil
	}
	defer func() {
		if m.g.recovered(recover()) {
			next, cmd = m, nil
		}
	}()
	inner, cmd := m.model.Update(msg)
	return guardedModel{model: inner, g: m.g}, m.g.cmd(cmd)
}

// View implements tea.Model.
func (m guardedModel) View() (view string) {
	if m.g.failed.Load() {
		return ""
	}
	defer func() {
		if m.g.recovered(recover()) {
			view = ""
		}
	}()
	return m.model.View()
}

// cmdType is the type of a Bubble Tea command, for recognising the command
// lists inside batch and sequence messages.
var cmdType = reflect.TypeFor[tea.Cmd]()

// cmd wraps a command so that a panic in it is recovered. Commands run on
// their own goroutines, where Bubble Tea's recovery would print to the
// server's stdout.
func (g *guard) cmd(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if g.recovered(recover()) {
				msg = nil
			}
		}()
		return g.msg(c())
	}
}

// msg guards the commands inside tea.Batch and tea.Sequence results. Both are
// slices of tea.Cmd (the sequence type is unexported), which Bubble Tea runs
// itself; reflection rebuilds the slice with the same type so that Bubble
// Tea still recognises it.
func (g *guard) msg(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		inner, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(g.cmd(inner)))
	}
	return out.Interface()
}
