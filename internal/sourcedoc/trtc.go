package sourcedoc

func parseTRTC(d docs) (*Product, error) {
	return &Product{Name: "TRTCWeb", File: "trtc.go", Var: "trtcRows", Doc: "TODO"}, nil
}
