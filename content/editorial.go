package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// The editorial rules: how the site's words must read, whatever they say.
// CheckWords applies every one of them to the content's files; guide
// -check, -dev's problem page, start-up and the tests all call it, so that
// an editor's check and CI agree.
//
//   - UK spelling: organise, programme, towards, judgement (usSpellings).
//   - Role names in lower case mid-sentence, and never "PM" (roleCase).
//   - No claim a review found wrong comes back (retiredClaims).
//   - No run of copiedRun words shared with the source article
//     (sourceRuns: hashes, as the article is not in the repository).
//   - Money only in the guide's pay section, with a link to its source.
//   - Every fact of the source article still stated (sourceFacts).
//   - Each point made once (repeated).
//   - A link to an FAQ answer says its question.

// CheckWords applies the editorial rules to every content file in fsys and
// returns [Problems], each at its file and line, or nil. A file that is
// missing or not text is left to [Load], which reports it.
func CheckWords(fsys fs.FS) error {
	checked := map[string]*checkedFile{}
	isUS := map[string]bool{} // the files share most of their words
	var files []string
	for _, pattern := range []string{"*.md", "*.yaml", "guide/*.md", "faq/*.md", "pages/*.md"} {
		m, _ := fs.Glob(fsys, pattern)
		files = append(files, m...)
	}
	slices.Sort(files)
	var problems Problems
	for _, f := range files {
		src, err := readFile(fsys, f)
		if err != nil {
			continue // Load says why
		}
		c := checkFile(f, string(src), isUS)
		checked[f] = c
		problems.add(c.problems)
		problems.add(checkFAQLinks(f, c.src, fsys))
	}
	problems.add(checkFacts(checked))
	problems.add(checkRepeated(files, checked))
	return problems.err()
}

// A checkedFile is what the editorial rules find in one file's text alone:
// its prose, the problems of the rules that read no other file, and where
// each of the repeated phrases is said in it.
type checkedFile struct {
	src      string
	prose    prose
	problems Problems // spelling, role names, retired claims, copied runs, money
	repeats  [][]int  // repeats[i]: where repeated[i] is said (offsets in prose.text) in a file repeatedIn
}

// lastChecked keeps, for each file name, the last text checked under that
// name and what was found in it: a file unchanged since the last check
// (every file but the one edited, when -dev reloads or a test checks an
// edited copy of the content) is not read through the rules again. One
// text a name, so it holds no more than the content.
var lastChecked = struct {
	sync.Mutex
	files map[string]*checkedFile
}{files: map[string]*checkedFile{}}

// checkFile returns what the rules that read one file alone find in src,
// the text of file, from lastChecked when it was the last text checked
// under that name. isUS is checkSpelling's memo. A checkedFile is never
// changed once made.
func checkFile(file, src string, isUS map[string]bool) *checkedFile {
	lastChecked.Lock()
	c, ok := lastChecked.files[file]
	lastChecked.Unlock()
	if ok && c.src == src {
		return c
	}
	p := newProse(file, src)
	c = &checkedFile{src: src, prose: p}
	c.problems.add(checkSpelling(p, isUS))
	c.problems.add(checkRoleNames(p))
	c.problems.add(checkRetired(p))
	c.problems.add(checkCopiedRuns(p))
	c.problems.add(checkMoney(p, src))
	if repeatedIn(file) {
		c.repeats = repeatsIn(p, src)
	}
	lastChecked.Lock()
	lastChecked.files[file] = c
	lastChecked.Unlock()
	return c
}

// usSpellings are American spellings, each a regular expression matched
// case-insensitively on a whole word; the site writes the UK form
// (organise, programme, towards, judgement, behaviour, colour, centre).
var usSpellings = []string{
	`(organi|prioriti|recogni|reali|optimi|minimi|maximi|summari|emphasi|speciali|utili|apologi|critici|customi|finali|authori|categori|standardi|familiari|characteri|mobili|stabili|capitali|visuali|memori|moderni|normali|symboli|harmoni|itemi|empathi|moneti|strategi)z(e|es|ed|ing|er|ers|ation|ations|ational)`,
	`analyz\w*`, `behavior\w*`, `colors?`, `colored`, `favor\w*`, `honor\w*`, `labor\w*`, `neighbor\w*`,
	`center(s|ed)?`, `theaters?`, `judgments?`, `toward`, `programs?`, `programmed`, `catalogs?`,
	`defense`, `offense`, `enroll(s|ed|ing|ment)?`, `fulfill(s|ment)?`, `skillful`,
	`(travel|cancel|model|label|signal)(ed|ing)`, `gray`, `percent`, `math`, `afterward`, `resume`,
}

// spellingExceptions are American spellings the site may quote: proper
// names, and the one place that names the American title on purpose.
var spellingExceptions = []string{
	"Bureau of Labor Statistics",
	"(US: program manager)",
}

var usSpelling = regexp.MustCompile(`(?i)^(` + strings.Join(usSpellings, "|") + `)$`)

// USSpellings returns where text has an American spelling, each as the
// start and end of the word; the spelling exceptions are not counted.
func USSpellings(text string) [][2]int { return usSpellingsIn(text, map[string]bool{}) }

// usSpellingsIn is USSpellings remembering in isUS whether each word it
// has read is an American spelling.
func usSpellingsIn(text string, isUS map[string]bool) [][2]int {
	for _, ok := range spellingExceptions {
		text = strings.ReplaceAll(text, ok, strings.Repeat(" ", len(ok)))
	}
	var found [][2]int
	wordByte := func(c byte) bool {
		return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	for i := 0; i < len(text); {
		if !wordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && wordByte(text[j]) {
			j++
		}
		w := text[i:j]
		us, ok := isUS[w]
		if !ok {
			us = usSpelling.MatchString(w)
			isUS[w] = us
		}
		if us {
			found = append(found, [2]int{i, j})
		}
		i = j
	}
	return found
}

func checkSpelling(p prose, isUS map[string]bool) error {
	var problems Problems
	for _, m := range usSpellingsIn(p.text, isUS) {
		problems.add(p.problem(m[0], "American spelling %q: write the UK form (organise, programme, towards, judgement, behaviour, colour, centre): %q", p.text[m[0]:m[1]], p.around(m[0], m[1])))
	}
	return problems.err()
}

// roleCase matches a role or method name written other than in lower case
// mid-sentence ("a Product Manager", "the Scrum master"), and the
// abbreviation PM. A name after a sentence's end or at the start of a
// heading, list item or cell is not matched: the match needs a lower-case
// word or a comma before it.
var roleCase = regexp.MustCompile(`\b[a-z]+,? (Product|Project|Programme|Program|Delivery|Technical [Pp]roject) [Mm]anagers?\b|\b(product|project|programme|delivery) Managers?\b|\b[a-z]+,? Scrum [Mm]asters?\b|\bscrum Masters?\b|\b[a-z]+,? Product [Oo]wners?\b|\bproduct Owners?\b|\bPMs?\b`)

// RoleNameSlips returns where text writes a role name in capitals
// mid-sentence, or "PM".
//
// No slip spans a line, and each names a manager, master or owner or says
// PM: roleCase, which would try its leading word at every word of the
// text, runs only on the lines that have one of those (a third of the
// time of running it on the whole text).
func RoleNameSlips(text string) [][]int {
	var found [][]int
	start := 0
	for line := range strings.Lines(text) {
		if strings.Contains(line, "anager") || strings.Contains(line, "aster") ||
			strings.Contains(line, "wner") || strings.Contains(line, "PM") {
			for _, m := range roleCase.FindAllStringIndex(line, -1) {
				found = append(found, []int{start + m[0], start + m[1]})
			}
		}
		start += len(line)
	}
	return found
}

func checkRoleNames(p prose) error {
	var problems Problems
	for _, m := range RoleNameSlips(p.text) {
		what := p.text[m[0]:m[1]]
		if strings.Contains(what, "PM") {
			problems.add(p.problem(m[0], "%q: never write PM for either role: write product manager or project manager in full", what))
			continue
		}
		problems.add(p.problem(m[0], "%q: role names are lower case mid-sentence (a product manager, a scrum master)", what))
	}
	return problems.err()
}

// retiredClaims are claims and slips that a review found wrong: none may
// come back, in any words around them.
var retiredClaims = []string{
	"one project at a time",
	"no particular degree stands out",
	"mba in business administration",
	"let the price decide",
	"usually earn more than project managers on average",
	"a willingness to get hands-on",
	"timelines, milestones and schedules",
	"product manager for how",
	"read more in from",   // a "Read more" line above the related-links box
	"grew up in software", // project management grew up in construction, engineering and defence
	"site quotes no",      // it quotes official pay figures, each with its source
	// Issue 30: a stale pay figure presented as freshly checked; the
	// project manager's question is delivery to plan, not engineering
	// quality; reporting lines are a default, not a rule; the wrong role
	// is not the wrong person.
	"last checked on 30 november 2026",
	"are we building it the right way",
	"neither role should report to the other",
	"you needed the other role.",
	"sets the direction and then does the work",
	"set the direction and then do the work",
	"tends to be higher on average",
}

// retiredPatterns are retired claims that come back in more than one
// wording.
var retiredPatterns = []struct {
	claim   string
	pattern *regexp.Regexp
}{
	// A product manager fits without a sale too: public services and
	// internal platforms have them.
	{"a product manager only fits where something is sold", regexp.MustCompile(`only (?:makes sense|fits|works|applies)\b[^.;:\n]*\bsell`)},
}

func checkRetired(p prose) error {
	var problems Problems
	lower := strings.ToLower(p.text)
	for _, claim := range retiredClaims {
		for off := 0; ; {
			i := strings.Index(lower[off:], claim)
			if i < 0 {
				break
			}
			problems.add(p.problem(off+i, "%q is a claim a review found wrong: say it another way, or not at all", claim))
			off += i + len(claim)
		}
	}
	for _, r := range retiredPatterns {
		for _, m := range r.pattern.FindAllStringIndex(lower, -1) {
			problems.add(p.problem(m[0], "%q: %s is a claim a review found wrong: say it another way, or not at all", p.text[m[0]:m[1]], r.claim))
		}
	}
	return problems.err()
}

// copiedRun is the shortest run of words the site may not share with the
// source article: every sentence on the site is ours.
const copiedRun = 12

// sourceRuns holds a hash of every run of copiedRun words in the source
// article, one per line, sorted: enough to find a copied run without the
// article, which lives beside the repository, not in it. The content
// package's TestSourceRuns keeps it in step with the article wherever the
// article is present.
//
//go:embed editorial/source-runs.txt
var sourceRunsFile []byte

var sourceRuns = func() map[string]bool {
	runs := map[string]bool{}
	for sc := bufio.NewScanner(bytes.NewReader(sourceRunsFile)); sc.Scan(); {
		runs[sc.Text()] = true
	}
	return runs
}()

// RunHash is the hash stored for one run of words: the first 8 bytes of
// the SHA-256 of the words, lower case, joined by spaces, in hex. A false
// match needs a 64-bit collision.
func RunHash(run []string) string {
	sum := sha256.Sum256([]byte(strings.Join(run, " ")))
	return hex.EncodeToString(sum[:8])
}

// lowerWords returns the text's words in lower case.
func lowerWords(p prose) []string {
	w := p.words()
	out := make([]string, len(w))
	for i, x := range w {
		out[i] = strings.ToLower(p.text[x.from:x.to])
	}
	return out
}

func checkCopiedRuns(p prose) error {
	var problems Problems
	at := p.words()
	w := lowerWords(p)
	copied := func(i int) bool { return i+copiedRun <= len(w) && sourceRuns[RunHash(w[i:i+copiedRun])] }
	for i := 0; i+copiedRun <= len(w); i++ {
		if copied(i) {
			problems.add(p.problem(at[i].from, "%d words in a row copied from the source article: %q: say it in our own words", copiedRun, strings.Join(w[i:i+copiedRun], " ")))
			for copied(i + 1) { // one problem for a copied passage, not one per word
				i++
			}
		}
	}
	return problems.err()
}

// money matches an amount with a currency sign or code before or after it.
var money = regexp.MustCompile(`[$£€¥]\s?\d|\d[\d,.]*\s?(USD|GBP|EUR|dollars|pounds|euros)\b|\b(USD|GBP|EUR)\s?\d`)

// paySection is the one place an amount of money may appear: the guide's
// pay section, beside a link to the figure's official source.
const paySection, payID = "guide/career-path.md", "pay"

func checkMoney(p prose, raw string) error {
	var problems Problems
	lines := strings.Split(raw, "\n")
	// The pay section's lines: from its heading to the next heading.
	inPay := func(line int) bool {
		if p.file != paySection {
			return false
		}
		start := -1
		for i, l := range lines {
			heading := strings.HasPrefix(l, "#")
			if start < 0 && heading && strings.Contains(l, "{#"+payID+"}") {
				start = i + 1
				continue
			}
			if start >= 0 && heading {
				return line > start && line <= i
			}
		}
		return start >= 0 && line > start
	}
	// block is the paragraph, list or table the line is in: the lines
	// between blank lines.
	block := func(line int) string {
		a, b := line-1, line-1
		for a > 0 && strings.TrimSpace(lines[a-1]) != "" {
			a--
		}
		for b+1 < len(lines) && strings.TrimSpace(lines[b+1]) != "" {
			b++
		}
		return strings.Join(lines[a:b+1], "\n")
	}
	for _, m := range moneyIn(p.text) {
		line := p.line(m[0])
		amount := p.text[m[0]:m[1]]
		switch {
		case !inPay(line):
			problems.add(p.problem(m[0], "an amount of money (%q) outside the guide's pay section: figures go only in /guide/career-path#pay, beside their source; link there instead", amount))
		case !strings.Contains(block(line), "](https://"):
			problems.add(p.problem(m[0], "an amount of money (%q) with no link to its official source in the same paragraph", amount))
		}
	}
	return problems.err()
}

// moneyIn is money.FindAllStringIndex(text, -1), run only on the stretches
// of text with a digit in them, which every amount has: the pattern, which
// would try itself at every byte, runs on a tenth of the text. A stretch
// ends at a line break that no amount can span (one spans a line break
// only as the white space before a digit or a currency's name or code).
func moneyIn(text string) [][]int {
	var found [][]int
	start := 0
	stretch := func(end int) {
		if s := text[start:end]; strings.ContainsAny(s, "0123456789") {
			for _, m := range money.FindAllStringIndex(s, -1) {
				found = append(found, []int{start + m[0], start + m[1]})
			}
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && (i+1 == len(text) || !strings.ContainsRune("0123456789UGEdpe", rune(text[i+1]))) {
			stretch(i)
			start = i + 1
		}
	}
	stretch(len(text))
	return found
}

// faqLink is a Markdown link to an FAQ answer.
var faqLink = regexp.MustCompile(`\[([^\]]+)\]\(/faq/([a-z0-9-]+)\)`)

// checkFAQLinks checks that a link to an FAQ answer says its question, so
// that a reader lands on a page with the title the link promised. A term
// linked to the glossary ("roadmap") lands on the answer that explains it.
func checkFAQLinks(file, raw string, fsys fs.FS) error {
	var problems Problems
	fold := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "*", "", "`", "").Replace(s)
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	for _, m := range faqLink.FindAllStringSubmatchIndex(raw, -1) {
		text, slug := raw[m[2]:m[3]], raw[m[4]:m[5]]
		q := faqQuestion(fsys, slug)
		if q == "" {
			continue // no such answer: Load says so
		}
		if slug == GlossarySlug && isTerm(glossaryTermsIn(fsys), text) {
			continue
		}
		if !strings.Contains(fold(text), fold(q)) {
			problems.add(fileErrorf(file, lineAt([]byte(raw), m[0]), "the link to /faq/%s says %q: a link to an FAQ answer says its question, %q", slug, text, q))
		}
	}
	return problems.err()
}

// faqQuestion returns the question of faq/{slug}.md, or "".
func faqQuestion(fsys fs.FS, slug string) string {
	src, err := fs.ReadFile(fsys, path.Join("faq", slug+".md"))
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(src), "\n") {
		if q, ok := strings.CutPrefix(l, "question:"); ok {
			return strings.Trim(strings.TrimSpace(q), `"'`)
		}
	}
	return ""
}

// A fact is one fact of the source article and the words that must stay in
// the file that states it. The wording is ours; a rewrite that drops a fact
// fails here. When a rewrite keeps the fact in other words, change the
// needles here to the new words.
type fact struct {
	file, fact string
	needles    []string
}

var sourceFacts = []fact{
	{"guide/definitions.md", "even experienced teams sometimes confuse the roles", []string{"experienced teams sometimes"}},
	{"guide/definitions.md", "hiring the wrong one slows progress and confuses", []string{"slower progress", "confused team"}},
	{"guide/definitions.md", "product manager: idea to launch and beyond", []string{"first idea", "launch"}},
	{"guide/definitions.md", "product manager: strategy, market fit, long-term vision", []string{"strategy", "fits its market", "long run"}},
	{"guide/definitions.md", "product manager: customer needs and business goals", []string{"customers need", "business is aiming for"}},
	{"guide/definitions.md", "product manager bridges teams", []string{"engineering, design, marketing and sales"}},
	{"guide/definitions.md", "project manager: on time, within budget", []string{"on schedule", "within budget"}},
	{"guide/definitions.md", "project manager: kinds of projects", []string{"software development", "marketing campaign", "IT initiative"}},
	{"guide/responsibilities.md", "duties vary by company and industry", []string{"company and industry"}},
	{"guide/responsibilities.md", "product manager: customers and market trends", []string{"market trends"}},
	{"guide/definitions.md", "the roles overlap, and the difference is not obvious at first", []string{"overlap", "not obvious at first glance"}},
	{"guide/working-together.md", "execution within scope, budget and deadlines", []string{"scope, budget and deadlines"}},
	{"guide/hiring.md", "hiring leadership is tricky", []string{"hiring a leader is tricky"}},
	{"guide/hiring.md", "a project manager ensures timely delivery", []string{"delivered on time"}},
	{"guide/skills.md", "product manager: strategic thinking with hands-on execution", []string{"strategic thinking with hands-on execution"}},
	{"guide/skills.md", "project manager: organisational, analytical, leadership skills", []string{"organisation, analysis and leadership"}},
	{"guide/skills.md", "coding not always required", []string{"doesn't always need to code"}},
	{"guide/skills.md", "project manager: built efficiently, on time, within scope", []string{"without waste", "agreed schedule and scope"}},
	{"guide/skills.md", "project manager alongside a product manager or alone", []string{"alongside a product manager", "of their own"}},
	{"guide/differences.md", "the rule of thumb", []string{"what", "why", "how", "when"}},
	{"guide/scenarios.md", "a new product needs both roles", []string{"A new product needs both jobs done", "roadmap", "blocking"}},
	{"guide/scenarios.md", "internal IT: project manager leads", []string{"project manager", "leads", "timeline", "rollout"}},
	{"guide/scenarios.md", "internal IT: product manager only if customer-facing", []string{"product your customers use"}},
	{"guide/scenarios.md", "mobile feature", []string{"why users will care", "to the schedule", "ships when planned"}},
	{"guide/scenarios.md", "project managers give structure to the vision", []string{"structure", "vision"}},
	{"guide/working-together.md", "SaaS feature example", []string{"SaaS", "new feature", "on time"}},
	{"guide/working-together.md", "handoff: roadmaps and feature definitions", []string{"roadmap", "feature definitions", "actionable steps"}},
	{"guide/working-together.md", "shifting priorities need negotiation", []string{"priorities shift", "negotiate"}},
	{"guide/working-together.md", "B2B analytics dashboard", []string{"B2B", "analytics dashboard", "core features", "deadlines", "technical hurdles"}},
	{"guide/career-path.md", "project managers can move to product", []string{"technical project managers", "market research", "customer needs"}},
	{"guide/career-path.md", "degrees", []string{"MBA", "business", "computer science", "engineering", "marketing"}},
	{"guide/career-path.md", "experience counts more than the degree", []string{"product development", "UX", "business strategy", "counts for more"}},
	{"guide/career-path.md", "pay", []string{"product managers earn more than project managers", "tech and SaaS", "experience", "industry", "location"}},
	{"guide/career-path.md", "vision with execution, ambition with feasibility", []string{"vision paired with execution", "ambition"}},
	{"guide/hiring.md", "goals, team structure, project needs", []string{"business goals", "team is set up", "projects need"}},
	{"guide/hiring.md", "hire a product manager when", []string{"new products launched", "long-term direction"}},
	{"guide/hiring.md", "hire a project manager when", []string{"over budget", "missing deadlines", "poor coordination"}},
	{"guide/hiring.md", "complex tech projects need both", []string{"complex", "technology projects", "both"}},
	{"faq/is-a-product-manager-above-a-project-manager.md", "neither is above the other", []string{"neither role outranks the other", "strategy and vision", "execution and timelines"}},
	{"faq/does-product-management-replace-project-management.md", "neither replaces the other", []string{"No", "agreed schedule and scope"}},
	{"faq/best-degree-for-a-product-manager.md", "degrees and experience", []string{"MBA", "business", "computer science", "engineering", "marketing", "UX", "business strategy"}},
	{"faq/who-gets-paid-more.md", "pay", []string{"on average", "tech and SaaS", "experience", "industry", "location"}},
	{"compare.yaml", "time horizon: several things at once", []string{"many tasks, teams and deadlines"}},
	{"compare.yaml", "certifications", []string{"PMP", "PRINCE2", "Scrum"}},
}

// checkFacts checks that each file still states its facts of the source
// article. A file that is missing is Load's to report.
func checkFacts(checked map[string]*checkedFile) error {
	var problems Problems
	for _, f := range sourceFacts {
		c, ok := checked[f.file]
		if !ok {
			continue
		}
		lower := strings.ToLower(c.prose.text)
		for _, n := range f.needles {
			if !strings.Contains(lower, strings.ToLower(n)) {
				problems.add(fileErrorf(f.file, 1, "the source article's fact %q is no longer stated: the file no longer says %q (if it does in other words, change the fact's words in content/editorial.go)", f.fact, n))
			}
		}
	}
	return problems.err()
}

// repeated are the phrases a review found said too often: each point is
// made where it belongs and linked from elsewhere.
var repeated = []struct {
	name    string
	pattern *regexp.Regexp
	most    int                    // at most this many times across the files
	only    func(file string) bool // if set, only in these files
	skip    func(line string) bool // if set, lines not counted
}{
	{"the on-time family (on time, on schedule, on budget, within scope…)", regexp.MustCompile(`(?i)\b(on time|on schedule|on budget|within budget|within scope|in scope|on deadline|inside the agreed scope)\b`), 12, nil, nil},
	// The rule of thumb: said in its one section (its description, its
	// heading and its two lines) and in the short answer that leads the
	// home page and /compare (compare.yaml's summary), drawn in the diagram
	// (words.yaml's diagram_ words, not counted), linked from everywhere
	// else.
	{"the rule of thumb (what and why, how and when)", regexp.MustCompile(`(?i)\b(what (and|&) why|the what and the why|how (and|&) when|the how and the when)\b`), 8,
		func(file string) bool { return file == "guide/differences.md" || file == "compare.yaml" },
		func(line string) bool { return strings.Contains(line, "diagram_") }},
	{`"no salary figures"`, regexp.MustCompile(`(?i)\b(quotes? no (salary )?(figures|salaries)|no salary figures)\b`), 1, nil, nil},
}

// repeatedIn are the files whose words the phrases are counted in: the
// pages everyone reads. The questionnaire's answers (whichrole.yaml) and
// the hiring kit are read one answer at a time, each whole on its own.
func repeatedIn(file string) bool { return file != "hiringkit.yaml" && file != "whichrole.yaml" }

func checkRepeated(files []string, checked map[string]*checkedFile) error {
	var problems Problems
	for i, r := range repeated {
		n := 0
		for _, f := range files {
			c, ok := checked[f]
			if !ok || !repeatedIn(f) {
				continue
			}
			for _, at := range c.repeats[i] {
				n++
				switch {
				case r.only != nil && !r.only(f):
					problems.add(c.prose.problem(at, "%s: said here, but it belongs in one place only: link to it instead", r.name))
				case n == r.most+1:
					problems.add(c.prose.problem(at, "%s: said %d times across the site by here, at most %d: link to where the point is made instead", r.name, n, r.most))
				}
			}
		}
	}
	return problems.err()
}

// repeatsIn returns, for each of repeated, where in p (the prose of raw)
// it is said, leaving out the lines its skip leaves out.
func repeatsIn(p prose, raw string) [][]int {
	lines := strings.Split(raw, "\n")
	repeats := make([][]int, len(repeated))
	for i, r := range repeated {
		for _, m := range r.pattern.FindAllStringIndex(p.text, -1) {
			if r.skip == nil || !r.skip(lines[p.line(m[0])-1]) {
				repeats[i] = append(repeats[i], m[0])
			}
		}
	}
	return repeats
}
