// Command floor reads a file as the cheapest program would, for
// scripts/bench to set rtccodes' times against: "floor csv FILE" reads and
// counts the records of a CSV export with encoding/csv, "floor json FILE"
// decodes each line of JSON Lines with encoding/json into a struct of a
// call log record's fields and drops it, "floor lines FILE" counts lines with a bufio.Scanner.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor csv|json|lines FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	n := 0
	switch os.Args[1] {
	case "csv":
		r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
		r.ReuseRecord = true
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			n++
		}
	case "json":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var rec struct { // the fields of a call log record
			TimeGenerated, CorrelationId, ParticipantId, EndpointType string
			ParticipantEndReason, ParticipantEndSubCode               string
		}
		for sc.Scan() {
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				n++
			}
		}
	case "lines":
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			n++
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: floor csv|json|lines FILE")
		os.Exit(2)
	}
	fmt.Println(n)
}
