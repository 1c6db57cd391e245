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
			edit: set(file, "result.title", `"You need someone"`),
			file: file, field: "result.title", reason: "result.title must keep {role}",
		},
		{
			name: "whole group missing",
			edit: rename(file, "cards", "kards"),
			file: file, field: "kards", reason: `unknown field "kards"`,
		},
	})
}

func TestLoadQuestionnaireNewWords(t *testing.T) {
	const file = "whichrole.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "question without its error message",
			edit: set(file, "questions[3].error", drop),
			file: file, line: 1, reason: "field, legend, error and options are required",
		},
		{
			name: "recommendation without its role",
			edit: set(file, "recommendations[1].role", drop),
			file: file, at: "recommendations:", reason: "id, role and summary are required",
		},
	})
}
