//go:build tools

// Package main's tools.go pins modules that are about to be imported, so that
// go.mod and go.sum stay complete while the packages that use them are written.
package main

import (
	_ "github.com/charmbracelet/bubbles/key"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/gliderlabs/ssh"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "go.uber.org/goleak"
	_ "golang.org/x/crypto/ssh"
)
