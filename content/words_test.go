package content_test

import (
	"regexp"
	"testing"
	"testing/fstest"
)

func TestLoadWordsErrors(t *testing.T) {
	const file = "words.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown key",
			edit: replace(file, "  no_answer: ", "  no_anwser: "),
			file: file, at: "no_anwser:", reason: `unknown field "no_anwser"`,
		},
		{
			name: "missing message, reported at its error page",
			edit: replace(file, "    message: \"There is no page at this address.", "    # message: \"There is no page at this address."),
			file: file, at: "  not_found:", reason: "errors.not_found.message is required",
		},
		{
			name: "empty title",
			edit: replace(file, `title: "Frequently asked questions"`, `title: ""`),
			file: file, at: `title: ""`, reason: "pages.faq.title is required",
		},
		{
			name: "placeholder dropped",
			edit: replace(file, `title: "Hiring brief: {role}"`, `title: "Hiring brief"`),
			file: file, at: `title: "Hiring brief"`, reason: "brief.title must keep {role}",
		},
		{
			name: "whole group missing",
			edit: replace(file, "cards:\n", "kards:\n"),
			file: file, at: "kards:", reason: `unknown field "kards"`,
		},
	})
}

func TestLoadQuestionnaireNewWords(t *testing.T) {
	const file = "whichrole.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "question without its error message, reported at the question",
			edit: replace(file, "    error: \"Choose how big the effort is.\"\n", ""),
			file: file, at: "  - field: complexity", reason: `question "complexity": field, legend, short, error and options are required`,
		},
		{
			name: "question without its short name",
			edit: replace(file, "    short: \"Who decides\"\n", ""),
			file: file, at: "  - field: decider", reason: "field, legend, short, error and options are required",
		},
		{
			name: "recommendation without its role, reported at the recommendation",
			edit: replace(file, "    role: \"a project manager\"\n", ""),
			file: file, at: "  - id: project-manager\n    title", reason: "id, title, role and summary are required",
		},
		{
			name: "outcome without its words",
			edit: replace(file, "  - id: no-hire-yet\n    text: ", "  - id: no-hire-yet\n    txt: "),
			file: file, at: "    txt: ", reason: `unknown field "txt"`,
		},
		{
			name: "empty lead words",
			edit: replace(file, "  - id: direction-goal\n    text: \"You want a long-term direction, so the person leads with product.\"", "  - id: direction-goal\n    text: \"\""),
			file: file, at: "  - id: direction-goal", reason: `leads: entry "direction-goal": id and text are required`,
		},
		{
			name: "second-hire signals missing",
			edit: replace(file, "second_hire:\n  intro:", "second_hire:\n  introduction:"),
			file: file, at: "  introduction:", reason: `unknown field "introduction"`,
		},
		{
			name: "old-link invitation empty",
			edit: func(_ *testing.T, f fstest.MapFS) {
				f[file].Data = regexp.MustCompile(`(?m)^old_link: ".*"$`).ReplaceAll(f[file].Data, []byte(`old_link: ""`))
			},
			file: file, at: `old_link: ""`, reason: "old_link is required",
		},
	})
}
