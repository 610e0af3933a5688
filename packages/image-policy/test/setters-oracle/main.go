// A differential-test oracle for @sugarkube/image-policy's applySetters: the Setters strategy of
// fluxcd/image-automation-controller (internal/update/setters.go, filter.go, filereader.go)
// restated around the real sigs.k8s.io/kustomize/kyaml, which does the parsing, the marker
// lookup (fieldmeta), the quoting (FormatNonStringStyle) and the writing (kio). The controller
// module itself is not importable (internal packages). Screening by extension and token, namespace
// scoping and the update path are left to the caller's file list, as in the controller.
//
// Input (stdin, JSON): {"files": {path: text}, "policies": [{namespace, name, latestRef}], "namespace": ns}
// Output (stdout, JSON): {"files": {path: text}, "changes": [...]} with only the files kio wrote.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
	"sigs.k8s.io/kustomize/kyaml/fieldmeta"
	"sigs.k8s.io/kustomize/kyaml/kio"
	"sigs.k8s.io/kustomize/kyaml/kio/kioutil"
	"sigs.k8s.io/kustomize/kyaml/openapi"
	"sigs.k8s.io/kustomize/kyaml/sets"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

type ref struct {
	Name   string `json:"name"`
	Tag    string `json:"tag"`
	Digest string `json:"digest"`
}

type policy struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	LatestRef *ref   `json:"latestRef"`
}

type input struct {
	Files     map[string]string `json:"files"`
	Policies  []policy          `json:"policies"`
	Namespace string            `json:"namespace"`
}

type change struct {
	File     string            `json:"file"`
	Object   map[string]string `json:"object"`
	Setter   string            `json:"setter"`
	OldValue string            `json:"oldValue"`
	NewValue string            `json:"newValue"`
}

func init() {
	fieldmeta.SetShortHandRef("$imagepolicy")
	openapi.SuppressBuiltInSchemaUse()
}

func setterSchema(name, value string) spec.Schema {
	schema := spec.StringProperty()
	schema.Extensions = map[string]interface{}{}
	schema.Extensions.Add("x-k8s-cli", map[string]interface{}{"setter": map[string]string{"name": name, "value": value}})
	return *schema
}

// filter.go
type setAllCallback struct {
	schema   *spec.Schema
	callback func(setter, oldValue, newValue string)
}

func getSchema(r *yaml.RNode, settersSchema *spec.Schema) *openapi.ResourceSchema {
	fm := fieldmeta.FieldMeta{SettersSchema: settersSchema}
	if err := fm.Read(r); err == nil && !fm.IsEmpty() {
		if fm.Schema.Ref.String() != "" {
			s, err := openapi.Resolve(&fm.Schema.Ref, settersSchema)
			if err == nil && s != nil {
				fm.Schema = *s
			}
		}
		return &openapi.ResourceSchema{Schema: &fm.Schema}
	}
	return nil
}

func (s *setAllCallback) accept(object *yaml.RNode) error {
	switch object.YNode().Kind {
	case yaml.DocumentNode:
		return s.accept(yaml.NewRNode(object.YNode()))
	case yaml.MappingNode:
		return object.VisitFields(func(node *yaml.MapNode) error { return s.accept(node.Value) })
	case yaml.SequenceNode:
		return object.VisitElements(func(node *yaml.RNode) error { return s.accept(node) })
	case yaml.ScalarNode:
		fs := getSchema(object, s.schema)
		if fs == nil {
			return nil
		}
		cep := fs.Schema.VendorExtensible.Extensions["x-k8s-cli"]
		if cep == nil {
			return nil
		}
		b, _ := json.Marshal(cep)
		var ext struct {
			Setter *struct{ Name, Value string } `json:"setter"`
		}
		if err := json.Unmarshal(b, &ext); err != nil || ext.Setter == nil {
			return err
		}
		old := object.YNode().Value
		object.YNode().Value = ext.Setter.Value
		s.callback(ext.Setter.Name, old, ext.Setter.Value)
		if len(fs.Schema.Type) > 0 {
			yaml.FormatNonStringStyle(object.YNode(), *fs.Schema)
		}
	}
	return nil
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	dir, _ := os.MkdirTemp("", "setters-in-")
	outdir, _ := os.MkdirTemp("", "setters-out-")
	defer os.RemoveAll(dir)
	defer os.RemoveAll(outdir)

	defs := map[string]spec.Schema{}
	for _, p := range in.Policies {
		if p.LatestRef == nil {
			continue
		}
		image := p.LatestRef.Name + ":" + p.LatestRef.Tag
		if p.LatestRef.Digest != "" {
			image += "@" + p.LatestRef.Digest
		}
		base := fmt.Sprintf("%s:%s", p.Namespace, p.Name)
		defs[fieldmeta.SetterDefinitionPrefix+base] = setterSchema(base, image)
		defs[fieldmeta.SetterDefinitionPrefix+base+":tag"] = setterSchema(base+":tag", p.LatestRef.Tag)
		defs[fieldmeta.SetterDefinitionPrefix+base+":name"] = setterSchema(base+":name", p.LatestRef.Name)
		defs[fieldmeta.SetterDefinitionPrefix+base+":digest"] = setterSchema(base+":digest", p.LatestRef.Digest)
	}
	var settersSchema spec.Schema
	settersSchema.Definitions = defs

	var nodes []*yaml.RNode
	for path, text := range in.Files {
		if !strings.Contains(text, `"$imagepolicy"`) {
			continue
		}
		// filereader.go: a file that does not parse is skipped.
		rdr := &kio.ByteReader{Reader: bytes.NewBufferString(text), SetAnnotations: map[string]string{kioutil.PathAnnotation: path}, PreserveSeqIndent: true}
		read, err := rdr.Read()
		if err != nil {
			continue
		}
		nodes = append(nodes, read...)
	}

	var changes []change
	filesToUpdate := sets.String{}
	f := &setAllCallback{schema: &settersSchema}
	for i := range nodes {
		path, _, _ := kioutil.GetFileAnnotations(nodes[i])
		node := nodes[i]
		f.callback = func(setter, oldValue, newValue string) {
			if newValue == oldValue {
				return
			}
			meta, err := node.GetMeta()
			obj := map[string]string{}
			if err == nil {
				obj = map[string]string{"apiVersion": meta.APIVersion, "kind": meta.Kind, "name": meta.Name, "namespace": meta.Namespace}
			}
			changes = append(changes, change{File: path, Object: obj, Setter: setter, OldValue: oldValue, NewValue: newValue})
			filesToUpdate.Insert(path)
		}
		if err := f.accept(node); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	var updated []*yaml.RNode
	for i := range nodes {
		path, _, _ := kioutil.GetFileAnnotations(nodes[i])
		if filesToUpdate.Has(path) {
			updated = append(updated, nodes[i])
		}
	}
	if err := (&kio.LocalPackageWriter{PackagePath: outdir}).Write(updated); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := map[string]string{}
	_ = filepath.Walk(outdir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(outdir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	_ = json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"files": out, "changes": changes})
}
