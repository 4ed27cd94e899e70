// Package articles embeds the sample corpus: five outlets' reports, from 27
// and 28 July 2016, of Donald Trump's call on Russia to find Hillary
// Clinton's missing emails. The texts are kept byte for byte as collected;
// meta.json beside them records each file's outlet, publisher and date.
//
// FS is a plain fs.FS, so that anything that loads it (corpus.LoadFS) can be
// tested with an fstest.MapFS instead.
package articles

import (
	"embed"
	"io/fs"
)

//go:embed *.txt meta.json
var files embed.FS

// FS holds the sample articles (*.txt) and their metadata (meta.json, keyed
// by file name) at its root.
var FS fs.FS = files
