// A Docker credential helper for the registry client's tests: the helper protocol is served by
// docker-credential-helpers' own credentials.Serve (the library every real helper — pass,
// secretservice, osxkeychain, wincred — is built on), over a JSON file instead of a keychain:
// `<this executable's path>.json`, {"<server URL>": {"Username": "…", "Secret": "…"}}.
// Copy the binary under any `docker-credential-<name>` and write the file next to it.
package main

import (
	"encoding/json"
	"errors"
	"os"

	"github.com/docker/docker-credential-helpers/credentials"
)

type fileStore struct{ path string }

type entry struct{ Username, Secret string }

func (s fileStore) load() (map[string]entry, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]entry{}, nil
	}
	if err != nil {
		return nil, err
	}
	m := map[string]entry{}
	return m, json.Unmarshal(data, &m)
}

func (s fileStore) save(m map[string]entry) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(s.path, data, 0o600)
}

func (s fileStore) Add(c *credentials.Credentials) error {
	m, err := s.load()
	if err != nil {
		return err
	}
	m[c.ServerURL] = entry{c.Username, c.Secret}
	return s.save(m)
}

func (s fileStore) Delete(serverURL string) error {
	m, err := s.load()
	if err != nil {
		return err
	}
	if _, ok := m[serverURL]; !ok {
		return credentials.NewErrCredentialsNotFound()
	}
	delete(m, serverURL)
	return s.save(m)
}

func (s fileStore) Get(serverURL string) (string, string, error) {
	m, err := s.load()
	if err != nil {
		return "", "", err
	}
	e, ok := m[serverURL]
	if !ok {
		return "", "", credentials.NewErrCredentialsNotFound()
	}
	return e.Username, e.Secret, nil
}

func (s fileStore) List() (map[string]string, error) {
	m, err := s.load()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range m {
		out[k] = v.Username
	}
	return out, nil
}

func main() {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	credentials.Serve(fileStore{path: exe + ".json"})
}
