package decision

// All returns every valid set of answers to the form (6 goals × 32 sets of
// problems × 4 deciders × 3 sizes × 3 hires, with both customer-facing
// answers for an internal system: 8,064), in canonical order.
func All() []Answers {
	var out []Answers
	for _, goal := range Fields[0].Values {
		for _, ps := range problemSets() {
			for _, d := range Fields[2].Values {
				cfs := []string{""}
				if goal == "internal-system" {
					cfs = Fields[3].Values
				}
				for _, cf := range cfs {
					for _, cx := range Fields[4].Values {
						for _, h := range Fields[5].Values {
							out = append(out, Answers{Goal: goal, Problems: ps, Decider: d, CustomerFacing: cf, Complexity: cx, Hires: h})
						}
					}
				}
			}
		}
	}
	return out
}

// AllOld returns every old link's answers (4 goals × 32 sets of problems ×
// 2 × 3 = 768), in canonical order.
func AllOld() []Answers {
	var out []Answers
	for _, goal := range OldGoals {
		for _, ps := range problemSets() {
			for _, cf := range Fields[3].Values {
				for _, cx := range Fields[4].Values {
					out = append(out, Answers{Goal: goal, Problems: ps, CustomerFacing: cf, Complexity: cx})
				}
			}
		}
	}
	return out
}

// problemSets are the 32 sets of problems, each in canonical order.
func problemSets() [][]string {
	problems := Fields[1].Values
	var out [][]string
	for mask := range 1 << len(problems) {
		var ps []string
		for i, p := range problems {
			if mask&(1<<i) != 0 {
				ps = append(ps, p)
			}
		}
		out = append(out, ps)
	}
	return out
}
