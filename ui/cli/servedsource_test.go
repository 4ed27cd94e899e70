package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/ui/serve"
)

// TestServedJSONSource is a regression test: over SSH, the JSON of list,
// matrix and diff named every article's file ("source") by where it is
// on the server ("/srv/news/003.txt"), or relative to the server's own
// working directory, where the reader and every message served name a
// file by its place in the folder, under the folder's name.
func TestServedJSONSource(t *testing.T) {
	dir := flatFolder(t)
	sa, _ := openServedFolder(t, dir)
	cfg := ServeArchiveConfig(serve.Config{HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519")}, sa, nil)
	name := filepath.Base(dir)
	for _, args := range [][]string{
		{"list", "--format", "json"},
		{"list", "--story", "1", "--format", "json"},
		{"matrix", "--story", "1", "--format", "json"},
		{"diff", "003", "bridge", "--format", "json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if status := cfg.Exec(context.Background(), args, &out, &errb); status != ExitOK {
				t.Fatalf("status %d, stderr %q", status, errb.String())
			}
			var doc any
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatalf("%v:\n%s", err, out.String())
			}
			sources := jsonSources(doc)
			if len(sources) == 0 {
				t.Fatalf("no source in:\n%s", out.String())
			}
			for _, s := range sources {
				if filepath.Dir(s) != name || strings.Contains(s, dir) {
					t.Errorf("source %q, want the file named within the folder, under its name %q", s, name)
				}
			}
		})
	}
}

// jsonSources returns every "source" string in doc.
func jsonSources(doc any) []string {
	var out []string
	switch v := doc.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "source" {
				out = append(out, s)
				continue
			}
			out = append(out, jsonSources(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, jsonSources(x)...)
		}
	}
	return out
}
