// A differential-test oracle for @sugarkube/image-policy's selectTag, built by test/go-oracle.ts
// inside the image-reflector-controller's own module (v1.2.0 release tarball), so the
// controller's go.mod and go.sum pin every dependency:
//
//   - internal/policy is the controller's package, imported unchanged (semver on the real
//     Masterminds/semver and fluxcd/pkg/version, numerical on strconv, alphabetical on sort,
//     RegexFilter on Go's regexp, PolicerFromSpec over the real api/v1 ImagePolicyChoice);
//   - scan.go (written next to this file at build time) holds filterOutTags and
//     sortTagsAndGetLatestTags, cut verbatim from internal/controller/imagerepository_controller.go:
//     the scan-and-store step, which drops the excluded tags and sorts the rest descending
//     (bytewise) before the database stores them;
//   - this file restates only applyPolicy's glue (internal/controller/imagepolicy_controller.go),
//     a method on the reconciler that cannot be called without a cluster.
//
// After filterTags the controller hands the policer the keys of a Go map, in Go's random
// iteration order. The oracle answers twice: `tag` with the keys in descending byte order (the
// order selectTag documents for that case), and `outcomes`, every answer seen when the real
// RegexFilter runs `mapRuns` times (each run is a new map, so a new random order).
//
// Input: one JSON case per line. Output: one JSON result per line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	imagev1 "github.com/fluxcd/image-reflector-controller/api/v1"

	"github.com/fluxcd/image-reflector-controller/internal/policy"
)

type input struct {
	Policy        imagev1.ImagePolicyChoice `json:"policy"`
	FilterTags    *imagev1.TagFilter        `json:"filterTags"`
	ExclusionList []string                  `json:"exclusionList"`
	Tags          []string                  `json:"tags"`
	MapRuns       int                       `json:"mapRuns"`
}

type output struct {
	Tag      string   `json:"tag,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Error    string   `json:"error,omitempty"`
	Stored   []string `json:"stored"`
	Outcomes []string `json:"outcomes,omitempty"`
}

// reasonOf maps the policers' errors to selectTag's reasons (the controller marks all of them
// Ready=False with reason Failure; the message tells them apart).
func reasonOf(err error) string {
	if strings.HasPrefix(err.Error(), "failed to parse invalid numeric value") {
		return "NotNumeric"
	}
	return "NoMatch"
}

// latest runs the policer on a copy (Alphabetical.Latest sorts its argument in place).
func latest(p policy.Policer, list []string) (string, error) {
	return p.Latest(slices.Clone(list))
}

func run(in input) output {
	// An invalid policy stalls the ImagePolicy before it reads any tag.
	p, err := policy.PolicerFromSpec(in.Policy)
	if err != nil {
		return output{Reason: "InvalidPolicy", Error: "invalid policy: " + err.Error()}
	}

	// ImageRepositoryReconciler.scan: exclusion list (GetExclusionList's default when empty), then
	// the sort. A failed scan stores nothing (the ImageRepository reports ReadOperationFailed).
	repo := imagev1.ImageRepository{Spec: imagev1.ImageRepositorySpec{ExclusionList: in.ExclusionList}}
	stored, err := filterOutTags(slices.Clone(in.Tags), repo.GetExclusionList())
	if err != nil {
		return output{Reason: "InvalidExclusionList", Error: err.Error()}
	}
	sortTagsAndGetLatestTags(stored)

	// ImagePolicyReconciler.applyPolicy on the stored tags.
	if len(stored) == 0 {
		return output{Reason: "NoTags", Error: "no tags in database", Stored: stored}
	}
	if in.FilterTags == nil {
		tag, err := latest(p, stored)
		if err != nil {
			return output{Reason: reasonOf(err), Error: err.Error(), Stored: stored}
		}
		return output{Tag: tag, Stored: stored}
	}
	filter, err := policy.NewRegexFilter(in.FilterTags.Pattern, in.FilterTags.Extract)
	if err != nil {
		return output{Reason: "InvalidPolicy", Error: "failed to filter tags: " + err.Error(), Stored: stored}
	}
	answer := func(keys []string) (string, string) {
		tag, err := latest(p, keys)
		if err != nil {
			return "", reasonOf(err)
		}
		return filter.GetOriginalTag(tag), ""
	}
	filter.Apply(stored)
	keys := filter.Items()
	sort.Sort(sort.Reverse(sort.StringSlice(keys)))
	out := output{Stored: stored}
	out.Tag, out.Reason = answer(keys)
	seen := map[string]bool{}
	for i := 0; i < in.MapRuns; i++ {
		filter.Apply(stored)
		tag, reason := answer(filter.Items())
		if reason != "" {
			tag = "reason:" + reason
		}
		if !seen[tag] {
			seen[tag] = true
			out.Outcomes = append(out.Outcomes, tag)
		}
	}
	sort.Strings(out.Outcomes)
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
