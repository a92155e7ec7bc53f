package explain_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// TestRecordsWithoutCodeSayWhatTheyAre streams SMS delivery reports and an
// event without resultInformation: a report's status is said, a code in
// its details is looked up, and every record keeps its event type and
// identifiers.
func TestRecordsWithoutCodeSayWhatTheyAre(t *testing.T) {
	f, err := os.Open("../testdata/payloads/sms-delivery-reports.eventgrid.json")
	require.NoError(t, err)
	defer f.Close()
	var got []string
	for rec, err := range explain.Stream(f, explain.Options{}) {
		if err != nil {
			var re *explain.RecordError
			require.True(t, errors.As(err, &re))
			assert.Equal(t, explain.ReasonNoCode, re.Reason)
			assert.NotEmpty(t, re.EventType, "%v", err)
			assert.NotEqual(t, explain.Context{}, re.Context, "%v", err)
			got = append(got, "no code: "+strings.TrimPrefix(re.Err.Error(), "rtccodes: payload carries no code"))
			continue
		}
		assert.NotEmpty(t, rec.Context.MessageID)
		got = append(got, rec.Product.String()+" "+rec.Entry.Pair()+" "+string(rec.Entry.Outcome)+" "+strings.Join(rec.Notes, "; "))
	}
	assert.Equal(t, []string{
		`no code: : an SMS delivery report: its status is "Delivered" (No error.), and it carries no code`,
		`SMS 4001 failure the delivery status is "Failed"`,
		"no code: ",
	}, got)

	// As the SMS log writes it, in PascalCase.
	x, err := explain.Payload([]byte(`{"MessageId":"m1","DeliveryStatus":"Failed","DeliveryStatusDetails":"Error 4001: unreachable"}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.SMS, x.Product)
	assert.Equal(t, "4001", x.Entry.Pair())
	_, err = explain.Payload([]byte(`{"MessageId":"m1","DeliveryStatus":"Delivered"}`))
	assert.ErrorIs(t, err, explain.ErrNoCodes)
	assert.Contains(t, err.Error(), `its status is "Delivered"`)
}
