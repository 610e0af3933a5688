// A differential-test oracle for @sugarkube/image-policy's selectTag: Flux's tag selection
// (image-reflector-controller internal/policy/{semver,numerical,alphabetical,filter}.go and
// applyPolicy in internal/controller/imagepolicy_controller.go) rewritten here around the real
// Masterminds/semver v3.5.0, Go's regexp and Go's strconv, so the TypeScript port can be
// compared with the Go libraries it claims to match. The controller module itself is not
// importable (internal packages), so its few lines of glue are restated, with one documented
// change: tags and the filtered map are visited in byte order, where the controller's result
// would depend on registry order and Go's random map order.
//
// Input: one JSON case per line. Output: one JSON result per line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/Masterminds/semver/v3"
)

type choice struct {
	SemVer       *struct{ Range string `json:"range"` }  `json:"semver"`
	Numerical    *struct{ Order string `json:"order"` }  `json:"numerical"`
	Alphabetical *struct{ Order string `json:"order"` }  `json:"alphabetical"`
}

type input struct {
	Policy     choice `json:"policy"`
	FilterTags *struct {
		Pattern string `json:"pattern"`
		Extract string `json:"extract"`
	} `json:"filterTags"`
	Tags []string `json:"tags"`
}

type output struct {
	Tag    string `json:"tag,omitempty"`
	Reason string `json:"reason,omitempty"`
	Error  string `json:"error,omitempty"`
}

type failure struct{ reason, msg string }

func (f failure) Error() string { return f.msg }

// fluxcd/pkg/version.ParseVersion (v0.20.0).
func parseVersion(v string) (*semver.Version, error) {
	if len(strings.SplitN(v, ".", 3)) != 3 {
		return nil, semver.ErrInvalidSemVer
	}
	return semver.NewVersion(v)
}

type policer func([]string) (string, error)

func order(o string) (string, error) {
	switch o = strings.ToUpper(o); o {
	case "":
		return "ASC", nil
	case "ASC", "DESC":
		return o, nil
	}
	return "", fmt.Errorf("invalid order argument provided: '%s', must be one of: ASC, DESC", o)
}

func policerFromSpec(c choice) (policer, error) {
	switch {
	case c.SemVer != nil:
		cons, err := semver.NewConstraint(c.SemVer.Range)
		if err != nil {
			return nil, err
		}
		return func(versions []string) (string, error) {
			if len(versions) == 0 {
				return "", failure{"NoMatch", "version list argument cannot be empty"}
			}
			var latest *semver.Version
			for _, ver := range versions {
				if v, err := parseVersion(ver); err == nil {
					if cons.Check(v) && (latest == nil || v.GreaterThan(latest)) {
						latest = v
					}
				}
			}
			if latest != nil {
				return latest.Original(), nil
			}
			return "", failure{"NoMatch", "unable to determine latest version from provided list"}
		}, nil
	case c.Alphabetical != nil:
		o, err := order(c.Alphabetical.Order)
		if err != nil {
			return nil, err
		}
		return func(versions []string) (string, error) {
			if len(versions) == 0 {
				return "", failure{"NoMatch", "version list argument cannot be empty"}
			}
			sorted := sort.StringSlice(append([]string(nil), versions...))
			if o == "DESC" {
				sort.Sort(sorted)
			} else {
				sort.Sort(sort.Reverse(sorted))
			}
			return sorted[0], nil
		}, nil
	case c.Numerical != nil:
		o, err := order(c.Numerical.Order)
		if err != nil {
			return nil, err
		}
		return func(versions []string) (string, error) {
			if len(versions) == 0 {
				return "", failure{"NoMatch", "version list argument cannot be empty"}
			}
			var latest string
			var pv float64
			for i, version := range versions {
				cv, err := strconv.ParseFloat(version, 64)
				if err != nil {
					return "", failure{"NotNumeric", fmt.Sprintf("failed to parse invalid numeric value '%s'", version)}
				}
				switch {
				case i == 0:
				case o == "ASC" && cv < pv, o == "DESC" && cv > pv:
					continue
				}
				latest = version
				pv = cv
			}
			return latest, nil
		}, nil
	}
	return nil, fmt.Errorf("given ImagePolicyChoice object is invalid")
}

func run(in input) output {
	p, err := policerFromSpec(in.Policy)
	if err != nil {
		return output{Reason: "InvalidPolicy", Error: "invalid policy: " + err.Error()}
	}
	if len(in.Tags) == 0 {
		return output{Reason: "NoTags", Error: "no tags in database"}
	}
	tags := append([]string(nil), in.Tags...)
	sort.Strings(tags)
	latest := func(list []string) output {
		tag, err := p(list)
		if err != nil {
			f := err.(failure)
			return output{Reason: f.reason, Error: f.msg}
		}
		return output{Tag: tag}
	}
	if in.FilterTags == nil {
		return latest(tags)
	}
	re, err := regexp.Compile(in.FilterTags.Pattern)
	if err != nil {
		return output{Reason: "InvalidPolicy", Error: err.Error()}
	}
	filtered := map[string]string{}
	for _, item := range tags {
		if sub := re.FindStringSubmatchIndex(item); len(sub) > 0 {
			tag := item
			if in.FilterTags.Extract != "" {
				tag = string(re.ExpandString(nil, in.FilterTags.Extract, item, sub))
			}
			filtered[tag] = item
		}
	}
	keys := make([]string, 0, len(filtered))
	for k := range filtered {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := latest(keys)
	if out.Reason == "" {
		out.Tag = filtered[out.Tag]
	}
	return out
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	enc := json.NewEncoder(os.Stdout)
	for scanner.Scan() {
		var in input
		if err := json.Unmarshal(scanner.Bytes(), &in); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_ = enc.Encode(run(in))
	}
}
