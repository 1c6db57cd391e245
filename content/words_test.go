package content_test

import (
	"testing"
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
			edit: replace(file, `title: "You need {role}"`, `title: "You need someone"`),
			file: file, at: `title: "You need someone"`, reason: "result.title must keep {role}",
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
			name: "question without its error message",
			edit: replace(file, "    error: \"Choose how many teams the work involves.\"\n", ""),
			file: file, line: 1, reason: "field, legend, error and options are required",
		},
		{
			name: "recommendation without its role",
			edit: replace(file, "    role: \"a project manager\"\n", ""),
			file: file, at: "recommendations:", reason: "id, role and summary are required",
		},
	})
}
