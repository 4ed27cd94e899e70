package analysis

import "sync"

// lazy is a table built on its first use rather than when the package is
// initialised. Every run of newsdiff initialises this package, a diff or
// --version that finds no fact included, and the word tables fact finding
// reads took 50 allocations and the code that fills them before main. A
// lazy whose build is a function literal is laid out by the compiler and
// initialises to nothing; a sync.OnceValue would still allocate its closure
// there.
type lazy[T any] struct {
	once  sync.Once
	build func() T
	v     T
}

// get returns the table, building it on the first call.
func (l *lazy[T]) get() T {
	l.once.Do(func() { l.v = l.build() })
	return l.v
}
