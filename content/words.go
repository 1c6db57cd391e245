package content

import (
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// Words are the sentences the server puts on the pages it builds itself
// (titles, error pages, form messages, captions), from words.yaml. Every
// key is required; a few hold a {placeholder} the server fills in.
type Words struct {
	Pages struct {
		Guide      PageWords `yaml:"guide"`
		FAQ        PageWords `yaml:"faq"`
		HowItWorks PageWords `yaml:"how_it_works"`
		WhichRole  PageWords `yaml:"which_role"`
	} `yaml:"pages"`
	Layout     LayoutWords     `yaml:"layout"`
	Home       HomeWords       `yaml:"home"`
	Compare    CompareWords    `yaml:"compare"`
	Guide      GuideWords      `yaml:"guide"`
	FAQ        FAQWords        `yaml:"faq"`
	Form       FormWords       `yaml:"form"`
	Result     ResultWords     `yaml:"result"`
	HowItWorks HowItWorksWords `yaml:"how_it_works"`
	Brief      BriefWords      `yaml:"brief"`
	Cards      struct {
		SiteKicker   string `yaml:"site_kicker"`
		SiteTitle    string `yaml:"site_title"`
		GuideKicker  string `yaml:"guide_kicker"`
		FAQKicker    string `yaml:"faq_kicker"`
		ResultKicker string `yaml:"result_kicker"`
	} `yaml:"cards"`
	Errors struct {
		Forbidden        ErrorWords `yaml:"forbidden"`
		NotFound         ErrorWords `yaml:"not_found"`
		MethodNotAllowed ErrorWords `yaml:"method_not_allowed"`
		TooLarge         ErrorWords `yaml:"too_large"`
		TooManyRequests  ErrorWords `yaml:"too_many_requests"`
		ServerError      ErrorWords `yaml:"server_error"`
		Busy             ErrorWords `yaml:"busy"`
		// Headings of the ways back in that every error page lists.
		GuideHeading string `yaml:"guide_heading"`
		FAQHeading   string `yaml:"faq_heading"`
		// The links at the foot of every error page.
		HomeLink      string `yaml:"home_link"`
		CompareLink   string `yaml:"compare_link"`
		WhichRoleLink string `yaml:"which_role_link"`
	} `yaml:"errors"`
}

// LayoutWords are on every page, or on several.
type LayoutWords struct {
	SkipLink    string `yaml:"skip_link"`
	Footer      string `yaml:"footer"`
	PublishedBy string `yaml:"published_by"` // before the publisher's name
	AboutLink   string `yaml:"about_link"`
	PrivacyLink string `yaml:"privacy_link"`
	StartButton string `yaml:"start_button"` // to the questionnaire
	// The split diagram's accessible title and description.
	DiagramTitle       string `yaml:"diagram_title"`
	DiagramDescription string `yaml:"diagram_description"`
	// The diagram's labels, each drawn on two lines (split at its first
	// space): each role, its part, and where they meet.
	DiagramProduct     string `yaml:"diagram_product"`
	DiagramProductPart string `yaml:"diagram_product_part"`
	DiagramProject     string `yaml:"diagram_project"`
	DiagramProjectPart string `yaml:"diagram_project_part"`
	DiagramShared      string `yaml:"diagram_shared"`
	// The main navigation's links.
	NavGuide     string `yaml:"nav_guide"`
	NavCompare   string `yaml:"nav_compare"`
	NavWhichRole string `yaml:"nav_which_role"`
	NavFAQ       string `yaml:"nav_faq"`
	Updated      string `yaml:"updated"`  // before a page's date
	Contents     string `yaml:"contents"` // the guide's contents
	Part         string `yaml:"part"`     // {n} of {total}: a guide section
	Previous     string `yaml:"previous"` // the pager's links
	Next         string `yaml:"next"`
	PagerPart    string `yaml:"pager_part"` // read out after previous and next
	// The link at the end of each part of a long page back to its
	// contents, and what is read out after it, before the part's title.
	BackToContents string `yaml:"back_to_contents"`
	BackFrom       string `yaml:"back_from"`
	// Names of the navigation landmarks, read out by screen readers.
	MainNav     string `yaml:"main_nav"`
	ContentsNav string `yaml:"contents_nav"`
	PagerNav    string `yaml:"pager_nav"`
	FooterNav   string `yaml:"footer_nav"`
}

// HomeWords are the home page's.
type HomeWords struct {
	CompareCard     string `yaml:"compare_card"`
	CompareCardText string `yaml:"compare_card_text"`
	FAQCard         string `yaml:"faq_card"`
	FAQCardText     string `yaml:"faq_card_text"`
	Contents        string `yaml:"contents"` // above the guide's contents
}

// CompareWords are /compare's.
type CompareWords struct {
	Caption        string `yaml:"caption"`
	ProductManager string `yaml:"product_manager"` // the columns' headings
	ProjectManager string `yaml:"project_manager"`
	StillUnsure    string `yaml:"still_unsure"` // under the table, before the questionnaire's link
	FAQLink        string `yaml:"faq_link"`
}

// GuideWords are the one-page guide's.
type GuideWords struct {
	Heading string `yaml:"heading"`
	Lede    string `yaml:"lede"`
	// Under each section: a link to the one-page guide, and what follows it.
	OnePageLink string `yaml:"one_page_link"`
	OnePageRest string `yaml:"one_page_rest"`
}

// FAQWords are the FAQ pages'.
type FAQWords struct {
	Lede       string `yaml:"lede"`
	Permalink  string `yaml:"permalink"`
	ReadMore   string `yaml:"read_more"`
	AllAnswers string `yaml:"all_answers"`
	Index      string `yaml:"index"` // above the list of questions at the top of /faq
}

// FormWords are the questionnaire's, and its messages.
type FormWords struct {
	Lede         string `yaml:"lede"`
	HowLink      string `yaml:"how_link"`
	Submit       string `yaml:"submit"`
	Question     string `yaml:"question"`     // {n} of {total}: above each question
	ErrorPrefix  string `yaml:"error_prefix"` // read out before a question's error
	ErrorSummary string `yaml:"error_summary"`
	ErrorTitle   string `yaml:"error_title"` // {title}: the form's title
	MoreThanOne  string `yaml:"more_than_one"`
	NotAChoice   string `yaml:"not_a_choice"`
	NotOnList    string `yaml:"not_on_list"`
	Unreadable   string `yaml:"unreadable"`
	DamagedLink  string `yaml:"damaged_link"`
}

// ResultWords are the result page's, and the mail it offers. A result's
// heading is its recommendation's title in whichrole.yaml.
type ResultWords struct {
	NoAnswer         string `yaml:"no_answer"`  // a question left unanswered
	GuideLink        string `yaml:"guide_link"` // {title}: the section's
	MailSubject      string `yaml:"mail_subject"`
	MailLink         string `yaml:"mail_link"` // before the result's address
	PrintableBrief   string `yaml:"printable_brief"`
	DownloadPDF      string `yaml:"download_pdf"`
	DownloadMarkdown string `yaml:"download_markdown"`
	AddressLabel     string `yaml:"address_label"`
	EmailLink        string `yaml:"email_link"`
	SaveShare        string `yaml:"save_share"` // the heading above the address, the email link and the Markdown
	// Headings of the result's parts.
	Why             string `yaml:"why"`              // the outcome's explanation
	Situations      string `yaml:"situations"`       // the FAQ answers written for the answers' situation
	AnswersDisagree string `yaml:"answers_disagree"` // answers that pull apart
	NoOwner         string `yaml:"no_owner"`         // a decision nobody owns
	OtherProduct    string `yaml:"other_product"`    // who decides what gets built, when only delivery is hired for
	OtherProject    string `yaml:"other_project"`    // who keeps delivery on track, when only product is hired for
	Lead            string `yaml:"lead"`             // which job one person leads with
	HandFirst       string `yaml:"hand_first"`
	SecondHire      string `yaml:"second_hire"`
	Meanwhile       string `yaml:"meanwhile"`
	NotYet          string `yaml:"not_yet"` // the signals that it is time to hire
	ProductSide     string `yaml:"product_side"`
	ProjectSide     string `yaml:"project_side"`
	// OldLinkButton is the link to the form, pre-filled, on an old link's result.
	OldLinkButton string `yaml:"old_link_button"`
	HowLink       string `yaml:"how_link"`
	YourAnswers   string `yaml:"your_answers"`
	Change        string `yaml:"change"`
	ChangeHidden  string `yaml:"change_hidden"` // {question}, read out after "change"
	NextSteps     string `yaml:"next_steps"`
	CompareLink   string `yaml:"compare_link"`
	FAQLink       string `yaml:"faq_link"`
	ChangeAnswers string `yaml:"change_answers"`
}

// HowItWorksWords are /which-role/how-it-works': the headings of its
// decision tables and the words that put a rule's conditions in a cell.
type HowItWorksWords struct {
	Lede      string `yaml:"lede"`
	Questions string `yaml:"questions"`
	// Step 1: the signs in the answers.
	Signs          string `yaml:"signs"`
	SignsIntro     string `yaml:"signs_intro"`
	ProductSide    string `yaml:"product_side"` // a table's caption
	ProjectSide    string `yaml:"project_side"`
	Shows          string `yaml:"shows"`           // a sign's effect: product work
	ShowsDelivery  string `yaml:"shows_delivery"`  // a sign's effect: delivery work
	Covers         string `yaml:"covers"`          // a sign's effect: product work needs no hire
	CoversDelivery string `yaml:"covers_delivery"` // a sign's effect: delivery work needs no hire
	// Step 2: the outcome table.
	Outcomes      string `yaml:"outcomes"`
	OutcomesIntro string `yaml:"outcomes_intro"`
	NeedNone      string `yaml:"need_none"`
	NeedProduct   string `yaml:"need_product"`
	NeedProject   string `yaml:"need_project"`
	NeedBoth      string `yaml:"need_both"`
	LeadsWith     string `yaml:"leads_with"` // {role}: an outcome row's lead
	TheLead       string `yaml:"the_lead"`   // a row that gives the lead role
	OnePerson     string `yaml:"one_person"` // a row that gives one person
	// Step 3: the lead order.
	Leads      string `yaml:"leads"`
	LeadsIntro string `yaml:"leads_intro"`
	// Step 4: answers that pull apart, and decisions nobody owns.
	Checks      string `yaml:"checks"`
	ChecksIntro string `yaml:"checks_intro"`
	// Step 5: who covers the job not hired for.
	OtherJobs      string `yaml:"other_jobs"`
	OtherJobsIntro string `yaml:"other_jobs_intro"`
	JobProduct     string `yaml:"job_product"` // the job left: the product decisions
	JobProject     string `yaml:"job_project"` // the job left: delivery
	ColJob         string `yaml:"col_job"`
	ColCovers      string `yaml:"col_covers"`
	// Old links.
	OldLinks     string `yaml:"old_links"`
	OldLinksText string `yaml:"old_links_text"`
	// Table headings.
	ColWhen   string `yaml:"col_when"`
	ColNeed   string `yaml:"col_need"`
	ColEffect string `yaml:"col_effect"`
	ColResult string `yaml:"col_result"`
	ColWhy    string `yaml:"col_why"`
	// A condition in a cell: {question} is a question's short name,
	// {answers} its answers joined by "or".
	CondIs        string `yaml:"cond_is"`
	CondIsNot     string `yaml:"cond_is_not"`
	CondTicked    string `yaml:"cond_ticked"`
	CondNotTicked string `yaml:"cond_not_ticked"`
	Or            string `yaml:"or"`
	Nor           string `yaml:"nor"`    // joins the answers of cond_not_ticked
	Always        string `yaml:"always"` // a row with no condition
}

// BriefWords are the hiring brief's, the same in its three formats.
type BriefWords struct {
	Title            string `yaml:"title"` // {role}: a recommendation's role
	ResultLabel      string `yaml:"result_label"`
	Split            string `yaml:"split"`
	RoleHeading      string `yaml:"role_heading"` // {role}: "product manager"
	Why              string `yaml:"why"`          // {role}: "a product manager"
	Responsibilities string `yaml:"responsibilities"`
	Skills           string `yaml:"skills"`
	Questions        string `yaml:"questions"` // {role}: "product manager"
	BackToResult     string `yaml:"back_to_result"`
	PDFFooter        string `yaml:"pdf_footer"` // {site}, {title}, {page}, {pages}
}

// PageWords are a page's title and meta description.
type PageWords struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// ErrorWords are an error page's heading and message.
type ErrorWords struct {
	Heading string `yaml:"heading"`
	Message string `yaml:"message"`
}

// placeholders are the keys that must keep their {placeholders}.
var placeholders = map[string][]string{
	"form.error_title":             {"{title}"},
	"result.guide_link":            {"{title}"},
	"result.mail_subject":          {"{role}"},
	"result.change_hidden":         {"{question}"},
	"brief.title":                  {"{role}"},
	"brief.role_heading":           {"{role}"},
	"brief.why":                    {"{role}"},
	"brief.questions":              {"{role}"},
	"brief.pdf_footer":             {"{site}", "{title}", "{page}", "{pages}"},
	"layout.part":                  {"{n}", "{total}"},
	"form.question":                {"{n}", "{total}"},
	"how_it_works.leads_with":      {"{role}"},
	"how_it_works.cond_is":         {"{question}", "{answers}"},
	"how_it_works.cond_is_not":     {"{question}", "{answers}"},
	"how_it_works.cond_ticked":     {"{question}", "{answers}"},
	"how_it_works.cond_not_ticked": {"{question}", "{answers}"},
}

// placeholder matches a word in braces: {role}, {n}.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Fill returns text with {name} replaced by value.
func Fill(text, name, value string) string {
	return strings.ReplaceAll(text, "{"+name+"}", value)
}

func loadWords(fsys fs.FS, file string) (Words, error) {
	var w Words
	at, err := readYAML(fsys, file, &w)
	if err != nil {
		return Words{}, err
	}
	var problems Problems
	eachValue(reflect.ValueOf(&w).Elem(), "", false, func(key, s string, _ bool) {
		if strings.TrimSpace(s) == "" {
			problems.add(fileErrorf(file, at.nearest(key), "%s is required", key))
			return
		}
		for _, p := range placeholders[key] {
			if !strings.Contains(s, p) {
				problems.add(fileErrorf(file, at.key(key), "%s must keep %s", key, p))
			}
		}
		// A placeholder the server does not fill in would be shown as
		// it is written, braces and all.
		for _, p := range placeholder.FindAllString(s, -1) {
			switch {
			case slices.Contains(placeholders[key], p): // the server fills it in
			case len(placeholders[key]) == 0:
				problems.add(fileErrorf(file, at.key(key), "%s: the server fills in nothing here, so %s would be shown as it is, braces and all: write the words themselves", key, p))
			default:
				problems.add(fileErrorf(file, at.key(key), "%s: the server fills in only %s here, so %s would be shown as it is, braces and all", key, strings.Join(placeholders[key], " and "), p))
			}
		}
	})
	if err := problems.err(); err != nil {
		return Words{}, err
	}
	return w, nil
}
