// Package lazy holds values built on their first use rather than when
// their package is initialised. Every run of newsdiff initialises every
// package it links, a diff or --version alike, so a table or pattern built
// there is paid for by runs that never read it.
package lazy

import "sync"

// Value is a value built by Build on the first call of Get. A Value whose
// Build is a function literal is laid out by the compiler and initialises
// to nothing; a sync.OnceValue would still allocate its closure as the
// package is initialised.
type Value[T any] struct {
	Build func() T
	once  sync.Once
	v     T
}

// Get returns the value, building it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.Build() })
	return l.v
}
