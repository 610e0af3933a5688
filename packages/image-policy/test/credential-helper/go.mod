module sugarkube.dev/image-policy-credential-helper

go 1.22

require github.com/docker/docker-credential-helpers v0.9.13
