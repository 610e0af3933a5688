// dockerfile-lint runs BuildKit's own Dockerfile linter (the rules `docker build --check`
// applies, honouring `# check=` directives) over the Dockerfiles named on the command line
// and prints the findings as JSON: [{"file", "rule", "line", "message"}]. Base images are
// not fetched: an offline resolver answers with an empty config for the requested platform.
// Exit 1 on a parse or build-definition error.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerui"
	digest "github.com/opencontainers/go-digest"
)

type finding struct {
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Line    int32  `json:"line"`
	Message string `json:"message"`
}

type offlineResolver struct{}

func (offlineResolver) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	arch, osName := "amd64", "linux"
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		arch, osName = opt.ImageOpt.Platform.Architecture, opt.ImageOpt.Platform.OS
	}
	cfg, _ := json.Marshal(map[string]any{"architecture": arch, "os": osName, "config": map[string]any{}, "rootfs": map[string]any{"type": "layers"}})
	return ref, digest.FromBytes(cfg), cfg, nil
}

func main() {
	findings := []finding{}
	for _, file := range os.Args[1:] {
		dt, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		sm := llb.NewSourceMap(nil, file, "Dockerfile", dt)
		sm.Definition = &llb.Definition{}
		res, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
			Config:       dockerui.Config{},
			SourceMap:    sm,
			MetaResolver: offlineResolver{},
		})
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", file, err)
			os.Exit(1)
		}
		if res.Error != nil {
			fmt.Fprintf(os.Stderr, "%s: %s\n", file, res.Error.Message)
			os.Exit(1)
		}
		for _, w := range res.Warnings {
			line := int32(0)
			if w.Location != nil && len(w.Location.Ranges) > 0 {
				line = w.Location.Ranges[0].Start.Line
			}
			findings = append(findings, finding{File: file, Rule: w.RuleName, Line: line, Message: w.Detail})
		}
	}
	out, _ := json.MarshalIndent(findings, "", "  ")
	fmt.Println(string(out))
}
