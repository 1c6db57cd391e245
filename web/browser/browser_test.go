package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// actionTimeout bounds one browser step: a navigation, an axe run, a key.
const actionTimeout = 20 * time.Second

// The shared browser: started by the first test that needs it, stopped by
// TestMain after the last test.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	stopFuncs   []func()
)

func startBrowser() {
	dataDir, err := os.MkdirTemp("", "pmvspm-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	stopFuncs = append(stopFuncs, func() { os.RemoveAll(dataDir) })
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dataDir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	stopFuncs = append(stopFuncs, cancelAlloc, cancelBrowser) // run in reverse
	// The first Run starts the browser; it must have no timeout, or the
	// timeout would stop the browser.
	if err := chromedp.Do(ctx); err != nil {
		browserErr = fmt.Errorf("start %s: %w", chromiumPath, err)
		return
	}
	browserCtx = ctx
}

// stopBrowser stops the shared browser, if a test started it, and removes
// its profile.
func stopBrowser() {
	for i := len(stopFuncs) - 1; i >= 0; i-- {
		stopFuncs[i]()
	}
}

// newTab opens a tab in the shared browser, closed when the test ends.
func newTab(t *testing.T) context.Context {
	t.Helper()
	_, err := chromium()
	requireTool(t, err)
	browserOnce.Do(startBrowser)
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // opens the tab, no timeout
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}

// newTabNoJS opens a tab in which page scripts do not run.
func newTabNoJS(t *testing.T) context.Context {
	t.Helper()
	ctx := newTab(t)
	run(t, ctx, callAction(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	// Make sure: a page whose script would change its title.
	run(t, ctx, chromedp.Navigate(`data:text/html,<title>off</title><script>document.title="on"</script>`))
	if title := run(t, ctx, chromedp.Title()); title != "off" {
		t.Fatalf("page scripts still run: title %q", title)
	}
	return ctx
}

// callAction makes an action of one protocol command.
func callAction[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// run runs one action with the action timeout and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := try(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// try runs one action with the action timeout.
func try[T any](ctx context.Context, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// open loads the page in the tab and checks its status code.
func open(t *testing.T, ctx context.Context, p page) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	load := chromedp.Navigate(p.url())
	if p.submitEmpty {
		if err := chromedp.Do(tctx, load); err != nil {
			t.Fatalf("open %s: %v", p.path, err)
		}
		load = chromedp.Click(chromedp.CSS(`button[type="submit"]`))
	}
	resp, err := chromedp.RunResponse(tctx, load)
	switch {
	case err != nil:
		t.Fatalf("open %s: %v", p.path, err)
	case resp == nil:
		t.Fatalf("open %s: no response", p.path)
	case int(resp.Status) != p.status:
		t.Fatalf("open %s: status %d, want %d", p.path, resp.Status, p.status)
	}
}

// evaluate runs JavaScript in the page through the DevTools protocol, which
// works even when the page's own scripts are disabled.
func evaluate[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](expr, opts...))
}

// An element is what querySelector found.
type element struct {
	found bool
	attrs map[string]string
}

// querySelector finds the first element matching selector and reads its
// attributes. It runs in the page through Runtime.evaluate, which works
// when the page's own scripts are disabled. (Calling DOM.getDocument here
// instead would renumber the nodes chromedp tracks, and its queries would
// then wait forever.)
func querySelector(ctx context.Context, selector string) (element, error) {
	sel, err := json.Marshal(selector)
	if err != nil {
		return element{}, err
	}
	attrs, err := try(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const el = document.querySelector(`+string(sel)+`);
		return el && Object.fromEntries([...el.attributes].map(a => [a.name, a.value]));
	})()`))
	return element{found: attrs != nil, attrs: attrs}, err
}

// waitFor polls cond until it reports true or the action timeout passes.
func waitFor(t *testing.T, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(actionTimeout)
	var last error
	for time.Now().Before(deadline) {
		ok, err := cond()
		if ok {
			return
		}
		last = err
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (last error: %v)", what, last)
}

// describeURL is the path and query of an address on the test server.
func describeURL(u string) string { return strings.TrimPrefix(u, baseURL) }
