package content_test

import (
	"testing"
)

func TestLoadWordsErrors(t *testing.T) {
	const file = "words.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown key",
			edit: rename(file, "result.no_answer", "no_anwser"),
			file: file, field: "result.no_anwser", reason: `unknown field "no_anwser"`,
		},
		{
			name: "missing message, reported at its error page",
			edit: set(file, "errors.not_found.message", drop),
			file: file, field: "errors.not_found", reason: "errors.not_found.message is required",
		},
		{
			name: "empty title",
			edit: set(file, "pages.faq.title", `""`),
			file: file, field: "pages.faq.title", reason: "pages.faq.title is required",
		},
		{
			name: "placeholder dropped",
			edit: set(file, "brief.title", `"Hiring brief"`),
			file: file, field: "brief.title", reason: "brief.title must keep {role}",
		},
		{
			name: "how-it-works placeholder dropped",
			edit: set(file, "how_it_works.cond_is", `"{question}"`),
			file: file, field: "how_it_works.cond_is", reason: "how_it_works.cond_is must keep {answers}",
		},
		{
			name: "whole group missing",
			edit: rename(file, "cards", "kards"),
			file: file, field: "kards", reason: `unknown field "kards"`,
		},
	})
}

// Each problem in whichrole.yaml is reported at the entry it is in.
func TestLoadQuestionnaireNewWords(t *testing.T) {
	const file = "whichrole.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "question without its error message",
			edit: set(file, "questions[4].error", drop),
			file: file, field: "questions[4]", reason: `question "complexity": field, legend, short, error and options are required`,
		},
		{
			name: "question without its short name",
			edit: set(file, "questions[2].short", drop),
			file: file, field: "questions[2]", reason: "field, legend, short, error and options are required",
		},
		{
			name: "recommendation without its role",
			edit: set(file, "recommendations[2].role", drop),
			file: file, field: "recommendations[2]", reason: `recommendation "project-manager": id, title, role and summary are required`,
		},
		{
			name: "outcome's words misspelt",
			edit: rename(file, "outcomes[0].text", "txt"),
			file: file, field: "outcomes[0].txt", reason: `unknown field "txt"`,
		},
		{
			name: "empty lead words",
			edit: set(file, "leads[2].text", `""`),
			file: file, field: "leads[2]", reason: `leads: entry "direction-goal": id and text are required`,
		},
		{
			name: "second-hire introduction misspelt",
			edit: rename(file, "second_hire.intro", "introduction"),
			file: file, field: "second_hire.introduction", reason: `unknown field "introduction"`,
		},
		{
			name: "reason with interview questions (the hiring kit holds them)",
			edit: rename(file, "reasons[0].text", "questions"),
			file: file, field: "reasons[0].questions", reason: `unknown field "questions"`,
		},
		{
			name: "old-link invitation empty",
			edit: set(file, "old_link", `""`),
			file: file, field: "old_link", reason: "old_link is required",
		},
	})
}

// A YAML slip is reported at the line that has it, in plain words: the
// parser notices on the next line, in its own terms.
func TestWordsYAMLSlips(t *testing.T) {
	const file = "words.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "an unclosed quote",
			edit: replace(file, `skip_link: "Skip to content"`, `skip_link: "Skip to content`),
			file: file, at: "skip_link:",
			reason: `skip_link: the text opens with " but is not closed on this line: end it with "`,
		},
		{
			name: "a field indented deeper than its group",
			edit: replace(file, `  skip_link: "`, `   skip_link: "`),
			file: file, at: "skip_link:",
			reason: "skip_link: this field is indented by 3 spaces, but the fields after it by 2 spaces: line up the fields of one group (spaces only)",
		},
		{
			name: "a field indented less than its group",
			edit: replace(file, `  footer: "`, ` footer: "`),
			file: file, at: ` footer: "A plain`,
			reason: "footer: this field is indented by 1 space, but the field above it by 2",
		},
		{
			name: "a field indented deeper than the one above",
			edit: replace(file, `  published_by: "`, `   published_by: "`),
			file: file, at: "published_by:",
			reason: "published_by: this field is indented by 3 spaces, but the field above it by 2",
		},
	})
}
