// Package browser holds the real-browser quality tests of the site.
//
// The tests start the real server on a loopback port and check every page
// in Debian's Chromium headless shell (/usr/bin/chromium-headless-shell, the
// engine without the desktop browser) driven by chromedp:
//
//   - TestAccessibility runs axe-core (WCAG 2.2 A/AA and best practices) in
//     each page in the light colour scheme, and its colour rules in the dark
//     one (the dark scheme changes colours alone: TestDarkChangesOnlyColours);
//   - TestValidHTML runs the Nu HTML Checker (vnu) once over every page's
//     HTML;
//   - TestKeyboardQuestionnaire and TestFAQLinks use the site with the keyboard
//     alone and JavaScript turned off;
//   - TestSmallScreens checks that no page scrolls sideways at 320 and 375
//     px and that all visible text is at least 16 px.
//
// The tools come from .ci/browser-tools.sh, which installs axe-core and
// vnu-jar into the repository's ignored .tools folder. When a tool is
// missing the tests skip, except in CI (CI=true), where they fail.
//
// The tests do not run under the race detector, which sees only the
// server in this process and not the browser: go test ./web/browser runs
// them, as go test ./... and CI do.
package browser
