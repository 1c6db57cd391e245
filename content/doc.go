// Package content owns the guide's words: it loads the Markdown and YAML files
// embedded from this folder, validates them, renders the Markdown once with
// goldmark and returns an immutable [Site] that the web handlers only read.
//
// Files and the pages they feed:
//
//	home.md            the home page (/)          front matter: title, description, updated
//	guide/{slug}.md    /guide/{slug} and /guide   front matter: title, slug, description, order, updated
//	faq/{slug}.md      /faq/{slug} and /faq       front matter: question, slug, order, updated, related, situation
//	pages/{slug}.md    /about, /privacy           front matter: title, slug, description, updated
//	compare.yaml       /compare                   title, description, updated, summary, rows
//	whichrole.yaml     /which-role                questions (legends, hints, errors, options), reasons, recommendations, split
//	publisher.yaml     every page's footer, /about  name and contact (email or web address) of whoever publishes the site;
//	                                              {publisher} in a standalone page becomes the name, linked to the contact
//	words.yaml         every page                 the words of the pages the server builds: titles, headings,
//	                                              labels, messages, error pages, the brief's headings
//	hiringkit.yaml     /which-role/job-ad, brief  the job adverts' parts, and each hire's scorecard, interview
//	                                              questions, work sample and mistakes, and the not-yet answer
//
// Front matter is YAML between two "---" lines at the top of a file. Unknown
// keys are errors, so a typo cannot silently vanish. Markdown is CommonMark
// plus GFM tables, with the typographer on and raw HTML refused. Bodies use
// ## and ### headings only, each with an explicit id in the attribute
// syntax ("## Title {#id}"), since readers link to them; every h2 and h3
// becomes a link to itself so that readers can copy it. Links inside the
// site are absolute paths; those to /guide/{slug}#{id} and /faq/{slug} are
// checked here, the rest by the server, which knows its other pages.
//
// The guide's sections are the files in guide/, in the order their front
// matter gives. The sections in [RequiredSections] have published URLs and
// must stay, in their order; a new section is one more file.
//
// The sections "responsibilities" and "skills" each hold one table whose
// header is "Product manager | Project manager" and whose cells read
// "**Term**: explanation". Those tables are the role profiles that the
// hiring brief turns into checklists.
//
// The FAQ answer "glossary" lists the guide's terms ("- **Term**: meaning").
// Wherever a page first uses one, it is explained: in brackets straight
// after it, or linked to /faq/glossary (see checkTerms).
//
// [Load] checks every file and, if anything is wrong, returns [Problems]:
// every problem found, each a [FileError] naming file, line and reason where
// one file is to blame. It returns what it could load beside them, so that
// the server can check that against the pages it makes in the same run
// ([Site.Whole], [Site.Failed]); the program then refuses to start.
package content
