module github.com/rtccodes/rtccodes/engines

go 1.26.0

require (
	github.com/rtccodes/rtccodes v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/rtccodes/rtccodes => ../
