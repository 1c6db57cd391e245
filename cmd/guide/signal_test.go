package main

import (
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestSecondSignalEndsAtOnce runs the real main in a child process (this
// test binary, run again), starts a ten-minute drain with SIGTERM, then
// sends a second SIGTERM, which must end the program long before the
// drain would.
func TestSecondSignalEndsAtOnce(t *testing.T) {
	if os.Getenv("GUIDE_TEST_MAIN") == "1" {
		os.Args = []string{"guide"}
		main()
		return
	}
	addr := freeAddr(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondSignalEndsAtOnce$")
	cmd.Env = append(os.Environ(), "GUIDE_TEST_MAIN=1", "ADDR="+addr, "DRAIN=10m")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })

	healthz := func() int {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	waitStatus := func(want int) {
		t.Helper()
		// Start-up compresses every page; under -race on a busy machine
		// that takes minutes. The bound is against a hang only.
		for deadline := time.Now().Add(3 * time.Minute); healthz() != want; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("/healthz never answered %d", want)
			}
		}
	}
	waitStatus(http.StatusOK)
	cmd.Process.Signal(syscall.SIGTERM)
	waitStatus(http.StatusServiceUnavailable) // draining, for ten minutes
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		t.Fatal("the second SIGTERM did not end the program; it is still draining")
	}
}
